using System.Globalization;
using MedEdu.Pipeline.Datasets;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

using MedEdu.Pipeline;
using MedEdu.Pipeline.Screening;

namespace MedEdu.Api.Datasets;

/// <summary>
/// The dataset routes, written once: the local host maps them with minimal APIs and the Functions
/// app calls them from one-line HTTP triggers. Each takes the request and the durable client the
/// host provides and returns an <see cref="ApiResult"/>.
/// </summary>
public sealed class DatasetHandlers(DatasetService service, SimilaritySearchService similarity, MedEdu.Pipeline.Uploads.UploadService uploads, InstructorGuard instructor, IOptions<PipelineOptions> options)
{
    /// <summary>Largest page of compounds one request may ask for.</summary>
    public const int MaxTake = 1000;

    /// <summary><c>POST /api/datasets</c>: register a dataset and start ingesting it.</summary>
    public async Task<ApiResult> RegisterAsync(HttpRequest request, DurableTaskClient client)
    {
        if (instructor.Check(request) is { } denied)
        {
            return denied;
        }

        var (registration, problem) = await RequestBody.ReadJsonAsync<DatasetRegistration>(request);
        if (problem is not null)
        {
            return problem;
        }

        var validated = DatasetRegistrationValidator.Validate(registration!, options.Value.UrlPolicy, out var error);
        if (validated is null)
        {
            return ApiResult.Problem(StatusCodes.Status400BadRequest, "Invalid dataset registration", error!);
        }

        if (validated.Source.Upload is { } upload)
        {
            try
            {
                var claim = await uploads.ClaimAsync(upload.Id, validated.Id, validated.Source.Mapping.Smiles, request.HttpContext.RequestAborted);
                var mapping = claim.Format == "smiles" ? MedEdu.Pipeline.Uploads.SmilesFileConverter.Mapping : validated.Source.Mapping;
                validated = validated with { Source = validated.Source with { Mapping = mapping, Upload = new UploadSource(claim.Id, claim.ETag, claim.Format) } };
            }
            catch (MedEdu.Pipeline.Uploads.UploadRefusedException e)
            {
                return DomainErrors.Problem(e);
            }
        }

        var status = await service.RegisterAsync(validated, client, request.HttpContext.RequestAborted);
        if (status is null)
        {
            if (validated.Source.Upload is { } claimed)
            {
                await uploads.ReleaseAsync(claimed.Id, request.HttpContext.RequestAborted);
            }

            return ApiResult.Problem(StatusCodes.Status409Conflict, "Dataset exists",
                $"dataset '{validated.Id}' is already registered; POST /api/datasets/{validated.Id}/refresh ingests a new version", $"/api/datasets/{validated.Id}");
        }

        return ApiResult.Accepted(status, $"/api/datasets/{status.Id}");
    }

    /// <summary><c>GET /api/datasets</c>: every dataset.</summary>
    public async Task<ApiResult> ListAsync(HttpRequest request) =>
        ApiResult.Ok(await service.ListAsync(request.HttpContext.RequestAborted));

    /// <summary><c>GET /api/datasets/{id}</c>: status, counts and ingestion progress.</summary>
    public async Task<ApiResult> GetAsync(HttpRequest request, DurableTaskClient client, string id)
    {
        var status = await service.GetStatusAsync(id, client, request.HttpContext.RequestAborted);
        return status is null ? QueryParameters.UnknownDataset(id) : ApiResult.Ok(status);
    }

    /// <summary><c>POST /api/datasets/{id}/refresh</c>: ingest a new version from the registered source.</summary>
    public async Task<ApiResult> RefreshAsync(HttpRequest request, DurableTaskClient client, string id)
    {
        if (instructor.Check(request) is { } denied)
        {
            return denied;
        }

        var status = await service.RefreshAsync(id, client, request.HttpContext.RequestAborted);
        return status is null ? QueryParameters.UnknownDataset(id) : ApiResult.Accepted(status, $"/api/datasets/{id}");
    }

    /// <summary><c>GET /api/datasets/{id}/compounds?skip=&amp;take=&amp;version=</c>: a page of stored compounds.</summary>
    public Task<ApiResult> CompoundsAsync(HttpRequest request, string id) =>
        PageAsync(request, id, (key, skip, take, ct) => service.PageCompoundsAsync(key, skip, take, ct));

    /// <summary><c>GET /api/datasets/{id}/quarantine?skip=&amp;take=&amp;version=</c>: rows refused by ingestion, with reasons.</summary>
    public Task<ApiResult> QuarantineAsync(HttpRequest request, string id) =>
        instructor.Check(request) is { } denied
            ? Task.FromResult(denied)
            : PageAsync(request, id, (key, skip, take, ct) => service.PageQuarantineAsync(key, skip, take, ct));

    /// <summary><c>GET /api/datasets/{id}/versions/{version}/files</c>: the version's Parquet files, for pandas, polars or DuckDB.</summary>
    public async Task<ApiResult> FilesAsync(HttpRequest request, string id, string version)
    {
        if (!int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int number) || number < 1)
        {
            return ApiResult.Problem(StatusCodes.Status400BadRequest, "Invalid version", $"the version must be a positive integer, not '{version}'");
        }

        var (key, notServed) = await ServedVersionAsync(request, id, number);
        if (notServed is not null)
        {
            return notServed;
        }

        var files = await service.FilesAsync(key, request.HttpContext.RequestAborted);
        return files.Count == 0
            ? ApiResult.Problem(StatusCodes.Status409Conflict, "No files", $"version {number} of '{id}' keeps its compounds in Table (ingested before Parquet files) or stored none: page them with GET /api/datasets/{id}/compounds?version={number}")
            : ApiResult.Ok(new VersionFiles(id, number, files));
    }

    /// <summary><c>GET /api/datasets/{id}/model?version=</c>: the served version's model and its held-out metrics.</summary>
    public async Task<ApiResult> ModelAsync(HttpRequest request, string id)
    {
        if (!QueryParameters.TryInt(request, "version", 0, 1, int.MaxValue, out int version, out var problem))
        {
            return problem!;
        }

        var (key, notServed) = await ServedVersionAsync(request, id, version == 0 ? null : version);
        if (notServed is not null)
        {
            return notServed;
        }

        var model = await service.ModelAsync(key, request.HttpContext.RequestAborted);
        return model is null
            ? ApiResult.Problem(StatusCodes.Status404NotFound, "No model", $"version {key.Version} of dataset '{id}' has no model (too few measured values)")
            : ApiResult.Ok(model);
    }

    /// <summary><c>GET /api/datasets/{id}/similar?smiles=&amp;k=10&amp;metric=tanimoto&amp;filter=</c>: the served version's most similar compounds.</summary>
    public async Task<ApiResult> SimilarAsync(HttpRequest request, string id)
    {
        string smiles = request.Query["smiles"].ToString();
        if (string.IsNullOrWhiteSpace(smiles))
        {
            return ApiResult.Problem(StatusCodes.Status400BadRequest, "Missing query", "give the query structure as ?smiles=");
        }

        if (!QueryParameters.TryInt(request, "k", 10, 1, Compute.Screening.ScreeningRequest.MaxK, out int k, out var problem))
        {
            return problem!;
        }

        string metric = request.Query["metric"].ToString();
        var measure = metric.Equals("tversky", StringComparison.OrdinalIgnoreCase) ? null : Compute.Screening.SimilarityMeasure.Named(metric);
        var filter = Compute.Screening.PropertyFilter.Named(request.Query["filter"].ToString());
        if (measure is null || filter is null)
        {
            return ApiResult.Problem(StatusCodes.Status400BadRequest, "Invalid query parameter", "'metric' must be tanimoto or dice; 'filter' none, lipinski, veber or druglike");
        }

        var (key, notServed) = await ServedVersionAsync(request, id, null);
        if (notServed is not null)
        {
            return notServed;
        }

        try
        {
            return ApiResult.Ok(await similarity.SearchAsync(key, smiles, k, metric, request.Query["filter"].ToString(), request.HttpContext.RequestAborted));
        }
        catch (Compute.Chemistry.SmilesParse.SmilesException e)
        {
            return ApiResult.Problem(StatusCodes.Status400BadRequest, "Invalid SMILES", $"position {e.Position}: {e.Reason}");
        }
    }

    private async Task<ApiResult> PageAsync<T>(HttpRequest request, string id, Func<MedEdu.Pipeline.Datasets.DatasetVersionKey, int, int, CancellationToken, Task<List<T>>> page)
    {
        if (!QueryParameters.TryInt(request, "skip", 0, 0, int.MaxValue, out int skip, out var problem)
            || !QueryParameters.TryInt(request, "take", 50, 1, MaxTake, out int take, out problem)
            || !QueryParameters.TryInt(request, "version", 0, 1, int.MaxValue, out int version, out problem))
        {
            return problem!;
        }

        var (key, notServed) = await ServedVersionAsync(request, id, version == 0 ? null : version);
        if (notServed is not null)
        {
            return notServed;
        }

        var items = await page(key, skip, take, request.HttpContext.RequestAborted);
        return ApiResult.Ok(new Page<T>(id, key.Version, skip, take, items));
    }

    /// <summary>The version to read (requested, else served), or the 404/409 problem to answer.</summary>
    private async Task<(MedEdu.Pipeline.Datasets.DatasetVersionKey Key, ApiResult? Problem)> ServedVersionAsync(HttpRequest request, string id, int? version)
    {
        var lookup = await service.ResolveVersionAsync(id, version, request.HttpContext.RequestAborted);
        return (lookup.Key ?? default, QueryParameters.NotServed(lookup, id));
    }
}

/// <summary>A page of items of one dataset version.</summary>
public sealed record Page<T>(string DatasetId, int Version, int Skip, int Take, List<T> Items);
