using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MedEdu.Observability;

/// <summary>
/// OpenTelemetry for every MedEdu process (Function App, local host, screening worker): HTTP server
/// and client spans, the durable SDK's orchestration spans, MedEdu's own spans and metrics, sent to
/// the exporter <c>Telemetry:Exporter</c> names.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>Configuration key of the exporter: auto (default), none, console, otlp or azuremonitor.</summary>
    public const string ExporterSetting = "Telemetry:Exporter";

    /// <summary>The setting Azure sets to an Application Insights resource's connection string.</summary>
    public const string AppInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// The exporter to use: the configured one; for auto, Azure Monitor when an Application Insights
    /// connection string is set (as the Bicep template sets it), OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, else none.
    /// </summary>
    public static string ExporterOf(IConfiguration configuration)
    {
        string choice = (configuration[ExporterSetting] ?? "auto").Trim().ToLowerInvariant();
        if (choice != "auto")
        {
            return choice is "none" or "console" or "otlp" or "azuremonitor"
                ? choice
                : throw new ArgumentException($"{ExporterSetting} must be auto, none, console, otlp or azuremonitor, not '{choice}'");
        }

        if (!string.IsNullOrEmpty(configuration[AppInsightsSetting]))
        {
            return "azuremonitor";
        }

        return string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) ? "none" : "otlp";
    }

    /// <summary>
    /// The durable backend's own traffic: the local host's gRPC sidecar calls, and the storage queue
    /// polling and lease renewals that go on every second whether anything runs or not. Their spans
    /// would bury the ones that say what MedEdu did; the durable SDK's orchestration and activity
    /// spans stay.
    /// </summary>
    public static bool IsDurableBackendCall(Uri? uri) =>
        uri is not null && (IsDurableBackendPath(uri.AbsolutePath) || uri.Port == 10001 || uri.Host.Contains(".queue.", StringComparison.OrdinalIgnoreCase)
            || uri.Query.Contains("comp=lease", StringComparison.OrdinalIgnoreCase));

    private static bool IsDurableBackendPath(string? path) => path is not null && path.Contains("/TaskHubSidecarService/", StringComparison.Ordinal);

    /// <summary>
    /// Adds tracing and metrics named <paramref name="serviceName"/>. <paramref name="tracing"/>
    /// lets a caller add an exporter of its own (tests add the in-memory one); with neither an
    /// exporter nor a caller's, nothing is registered and the process pays nothing.
    /// </summary>
    public static IServiceCollection AddMedEduTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName,
        Action<TracerProviderBuilder>? tracing = null, Action<MeterProviderBuilder>? metrics = null)
    {
        string exporter = ExporterOf(configuration);
        if (exporter == "none" && tracing is null && metrics is null)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(builder =>
            {
                builder.AddSource(MedEduTelemetry.Name, MedEduTelemetry.DurableTaskSource)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsDurableBackendPath(context.Request.Path.Value))
                    .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = request => !IsDurableBackendCall(request.RequestUri));
                _ = exporter switch
                {
                    "console" => builder.AddConsoleExporter(),
                    "otlp" => builder.AddOtlpExporter(),
                    "azuremonitor" => builder.AddAzureMonitorTraceExporter(o => o.ConnectionString = configuration[AppInsightsSetting]),
                    _ => builder,
                };
                tracing?.Invoke(builder);
            })
            .WithMetrics(builder =>
            {
                builder.AddMeter(MedEduTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                _ = exporter switch
                {
                    "console" => builder.AddConsoleExporter(),
                    "otlp" => builder.AddOtlpExporter(),
                    "azuremonitor" => builder.AddAzureMonitorMetricExporter(o => o.ConnectionString = configuration[AppInsightsSetting]),
                    _ => builder,
                };
                metrics?.Invoke(builder);
            });
        return services;
    }
}
