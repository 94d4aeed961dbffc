using System.Diagnostics;
using System.Text.Json;
using MedEdu.Compute.Screening;
using MedEdu.Compute.Screening.Remote;
using MedEdu.Observability;
using Microsoft.AspNetCore.Http.Json;
using OpenTelemetry.Trace;

namespace MedEdu.ScreeningWorker;

/// <summary>
/// The screening worker: dataset versions' stores resident in memory (and on the GPU), searched
/// over HTTP by the Function App and the local host.
/// </summary>
public static class ScreeningWorkerApp
{
    /// <summary>Builds the app from command-line arguments; <paramref name="tracing"/> adds a caller's exporter (tests).</summary>
    public static WebApplication Build(string[] args, Action<TracerProviderBuilder>? tracing = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = builder.Configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        if (!options.HasCredential)
        {
            throw new InvalidOperationException("the worker needs a credential for its callers: Worker:ApiKey (local) or Worker:Entra:TenantId and Worker:Entra:ClientId (Azure)");
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        builder.Services.Configure<JsonOptions>(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase);
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<CallerCheck>();
        builder.Services.AddSingleton(_ => ScreeningEngines.Create(builder.Configuration["Screening:Accelerator"] ?? "auto"));
        builder.Services.AddSingleton(_ => BlobStoreSource.FromOptions(options.Storage));
        builder.Services.AddSingleton(provider => new ResidentStores(
            provider.GetRequiredService<BlobStoreSource>().LoadAsync,
            provider.GetRequiredService<ISimilarityEngine>(),
            options.StoreBudgetBytes,
            provider.GetRequiredService<ILogger<ResidentStores>>()));
        CallerCheck.AddTo(builder.Services, options);
        builder.Services.AddMedEduTelemetry(builder.Configuration, "mededu-screening-worker", tracing);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGet("/healthz", () => Results.Ok(new { status = "alive" }));
        app.MapGet("/readyz", ReadyAsync);
        app.MapPost("/search", SearchAsync);
        return app;
    }

    /// <summary><c>GET /readyz</c>: 200 with the engine and device when the engine exists and the stores' container answers; else 503.</summary>
    private static async Task<IResult> ReadyAsync(ISimilarityEngine engine, BlobStoreSource stores, ResidentStores resident, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var (reachable, detail) = await stores.ProbeAsync(timeout.Token);
        var (count, bytes) = resident.Usage;
        var body = new { engine = engine.Name, device = engine.Device, stores = detail, resident = count, residentBytes = bytes, budgetBytes = resident.BudgetBytes };
        return reachable
            ? Results.Ok(body)
            : Results.Problem(title: "Stores unreachable", detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary><c>POST /search</c>: a batch of queries against one version's store.</summary>
    private static async Task<IResult> SearchAsync(HttpContext context, CallerCheck callers, WorkerOptions options, ISimilarityEngine engine, ResidentStores resident, ILoggerFactory logs)
    {
        if (await callers.RefusalAsync(context) is { } refusal)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(title: "Unauthorized", detail: refusal, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (context.Request.ContentLength > options.MaxRequestBytes)
        {
            return TooLarge(context, context.Request.ContentLength.Value, options.MaxRequestBytes);
        }

        RemoteSearchRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<RemoteSearchRequest>(context.RequestAborted);
        }
        catch (JsonException e)
        {
            return Results.Problem(title: "Invalid JSON", detail: $"the body is not a search request: {e.Message}", statusCode: StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(context, null, options.MaxRequestBytes);
        }

        var plan = SearchPlan.From(request, options.MaxQueries, out int status, out string problem);
        if (plan is null)
        {
            return Results.Problem(title: status == StatusCodes.Status413PayloadTooLarge ? "Batch too large" : "Invalid search", detail: problem, statusCode: status);
        }

        using var span = MedEduTelemetry.Source.StartActivity("worker search");
        span?.SetTag("mededu.dataset", plan.Store.Dataset);
        span?.SetTag("mededu.version", plan.Store.Version);
        span?.SetTag("mededu.queries", plan.Fingerprints.Count);
        ResidentStores.Lease? lease;
        try
        {
            lease = await resident.AcquireAsync(plan.Store, context.RequestAborted);
        }
        catch (StoreTooLargeException e)
        {
            return Results.Problem(title: "Store too large", detail: e.Message, statusCode: StatusCodes.Status507InsufficientStorage);
        }
        catch (InvalidDataException e)
        {
            return Results.Problem(title: "Unusable store", detail: $"the store of {plan.Store} cannot be read: {e.Message}", statusCode: StatusCodes.Status409Conflict);
        }

        if (lease is null)
        {
            return Results.Problem(title: "No store", detail: $"no screening store for {plan.Store}: is the version ingested and ready?", statusCode: StatusCodes.Status404NotFound);
        }

        using (lease)
        {
            var screening = plan.For(lease.Store, out problem);
            if (screening is null)
            {
                return Results.Problem(title: "Invalid search", detail: problem, statusCode: StatusCodes.Status400BadRequest);
            }

            var result = engine.Search(lease.Store, screening);
            span?.SetTag("mededu.engine", result.Engine);
            MedEduTelemetry.SearchDuration.Record(result.Elapsed.TotalMilliseconds, new TagList { { "engine", result.Engine }, { "where", "worker" } });
            logs.CreateLogger("MedEdu.ScreeningWorker.Search").LogInformation(
                "Searched {Queries} queries over {Count} compounds of {Store} with {Engine} in {Ms:F1} ms", plan.Fingerprints.Count, lease.Store.Count, plan.Store, result.Engine, result.Elapsed.TotalMilliseconds);
            var ids = lease.Store.Ids;
            var results = result.Hits.Select((hits, q) => new RemoteQueryHits(plan.CanonicalQueries[q], hits.Select(h => new RemoteHit(ids[h.Index], h.Index, h.Score)).ToList())).ToList();
            return Results.Ok(new RemoteSearchResponse(plan.Store.Dataset, plan.Store.Version, result.Engine, engine.Device, result.Elapsed.TotalMilliseconds, results));
        }
    }

    private static IResult TooLarge(HttpContext context, long? length, long limit)
    {
        // The unread rest of the body is over the limit too: close rather than let Kestrel drain it,
        // which would abort the connection before the problem reaches the caller.
        context.Response.Headers.Connection = "close";
        return Results.Problem(
            title: "Request too large",
            detail: $"the body {(length is null ? "is" : $"has {length} bytes,")} over the worker's limit of {limit} bytes (Worker:MaxRequestBytes): split the batch",
            statusCode: StatusCodes.Status413PayloadTooLarge);
    }
}
