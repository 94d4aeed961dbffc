using System.Net;
using MedEdu.Api;
using MedEdu.Api.Host;
using MedEdu.Observability;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using OpenTelemetry.Trace;

namespace MedEdu.LocalHost;

/// <summary>The local host: the pipeline's routes, the durable backend on Azurite, the schedule timer and telemetry.</summary>
public static class LocalHostApp
{
    /// <summary>Builds the host from command-line arguments; <paramref name="tracing"/> adds a caller's exporter (tests).</summary>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<TracerProviderBuilder>? tracing = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["MedEdu:InstructorKey"]))
        {
            // Instructor routes always need a key locally; without one configured, make one for this run.
            builder.Configuration["MedEdu:InstructorKey"] = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        }

        var options = builder.Configuration.GetSection(LocalHostOptions.Section).Get<LocalHostOptions>() ?? new LocalHostOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.ApiPort, o => o.Protocols = HttpProtocols.Http1AndHttp2);
            // gRPC without TLS needs a listener that speaks HTTP/2 only.
            kestrel.Listen(IPAddress.Loopback, options.SidecarPort, o => o.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddMedEduApi(builder.Configuration);
        builder.Services.AddMedEduTelemetry(builder.Configuration, "mededu-local-host", tracing);
        await builder.AddDurableBackendAsync(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddHostedService<ScheduleTimer>();
        builder.Services.AddHostedService<RetentionTimer>();

        var app = builder.Build();
        app.UseExceptionHandler(errors => errors.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            app.Logger.LogError(error, "Unhandled error on {Path}", context.Request.Path);
            await HostApi.UnhandledError().ExecuteAsync(context);
        }));
        // The page PUTs uploads straight to Azurite with a write-only URL: allow browsers to. Every
        // local host (tests run several, on their own ports) shares the one development account,
        // so the rule names no origin; the URL's signature is what grants the write.
        await app.Services.GetRequiredService<Pipeline.Uploads.UploadService>().AllowBrowserUploadsAsync(["*"]);
        app.MapGrpcService<TaskHubGrpcServer>();
        app.MapMedEduApi();

        // Only here: the Functions app's root is the platform's own page.
        app.MapGet("/", () => Results.Redirect("/api/app/")).ExcludeFromDescription();
        app.Logger.LogWarning("Instructor key (header x-functions-key): {Key}", builder.Configuration["MedEdu:InstructorKey"]);
        app.Logger.LogInformation("MedEdu local host: API on http://127.0.0.1:{ApiPort}/api, durable task hub '{TaskHub}' on Azurite", options.ApiPort, options.TaskHub);
        return app;
    }
}
