using MedEdu.Api;
using MedEdu.Functions;
using MedEdu.Observability;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ProblemOnUnhandledError>();
builder.Services.AddMedEduApi(builder.Configuration);
if (TelemetrySetup.ExporterOf(builder.Configuration) != "none")
{
    // The worker's spans join the host's invocation spans (host.json: telemetryMode OpenTelemetry).
    builder.Services.AddMedEduTelemetry(builder.Configuration, "mededu-functions");
    builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
}

builder.Build().Run();
