using System.Text.Json;
using MedEdu.Api;
using MedEdu.Api.Host;
using MedEdu.Api.OpenApi;
using MedEdu.Pipeline;
using MedEdu.Pipeline.Ingestion;

namespace MedEdu.Functions.Tests;

/// <summary>
/// Reads the functions.metadata that the Functions SDK generated at build time (what the Azure
/// Functions host loads) and checks that every route, orchestration and activity is bound.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Dictionary<string, JsonElement> Functions = Load();

    /// <summary>Every route of the API's definition, as (method, template): what the triggers must bind.</summary>
    public static TheoryData<string, string> ApiRoutes
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (method, template) in ApiRouteTable.Routes.Select(r => (r.Method, r.Template)).Distinct())
            {
                data.Add(method, template);
            }

            return data;
        }
    }

    /// <summary>Every HTTP function in functions.metadata.</summary>
    public static TheoryData<string> HttpFunctions => [.. Functions.Keys.Where(name => HttpTrigger(name) is not null).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ApiRoutes))]
    public void EveryRouteOfTheApiHasATrigger(string method, string template)
    {
        var bound = Functions.Keys.Where(name => HttpTrigger(name) is { } t && t.GetProperty("route").GetString() == template && (method == "*" || Methods(t).Contains(method))).ToList();
        Assert.True(bound.Count == 1, $"{method} /api/{template}: {bound.Count} Functions triggers bind it (add one to MedEdu.Functions, over the handler its XxxApi.Map names)");
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void EveryTriggerServesARouteOfTheApiAnonymouslyWithAnHttpAnswer(string name)
    {
        var trigger = HttpTrigger(name)!.Value;
        string template = trigger.GetProperty("route").GetString()!;
        foreach (string method in Methods(trigger))
        {
            Assert.True(ApiRouteTable.Routes.Any(r => r.Template == template && (r.Method == method || r.Method == "*")),
                $"{name}: {method} /api/{template} is not in the API's definition (MedEdu.Api, ApiEndpoints.MapMedEduApi)");
        }

        // Access is the handlers' own (instructor key, student token), as on the local host.
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Equal("Out", Binding(name, "http").GetProperty("direction").GetString());
    }

    [Fact]
    public void TheCatchAllTriggerIsTriedAfterEveryOtherRoute()
    {
        // The Functions host tries HTTP functions in the order of their names (Azure/azure-functions-host#9876).
        var names = Functions.Keys.Where(name => HttpTrigger(name) is not null).Order(StringComparer.OrdinalIgnoreCase).ToList();
        Assert.Equal(HostApi.NoSuchRoute, HttpTrigger(names[^1])!.Value.GetProperty("route").GetString());
        Assert.Single(names, name => HttpTrigger(name)!.Value.GetProperty("route").GetString() == HostApi.NoSuchRoute);
    }

    [Theory]
    [InlineData("RunDueSchedules", HostTimers.DueSchedules)]
    [InlineData("DeleteExpiredClasses", HostTimers.ClassRetention)]
    public void TimersRunOnTheSchedulesTheLocalHostSteps(string name, string schedule) =>
        Assert.Equal(schedule, Binding(name, "timerTrigger").GetProperty("schedule").GetString());

    [Theory]
    [InlineData("RegisterDataset")]
    [InlineData("GetDataset")]
    [InlineData("RefreshDataset")]
    public void RoutesThatStartOrReadOrchestrationsGetADurableClient(string name) =>
        Assert.Equal("In", Binding(name, "durableClient").GetProperty("direction").GetString());

    [Theory]
    [InlineData(TaskNames.IngestDataset)]
    [InlineData(TaskNames.FeaturizeCompounds)]
    [InlineData(TaskNames.BuildVersionArtifacts)]
    public void EveryOrchestratorIsBoundUnderItsSharedName(string name) =>
        Binding(name, "orchestrationTrigger");

    [Fact]
    public void DueSchedulesRunEveryMinuteWithADurableClient()
    {
        Assert.Equal("0 * * * * *", HostTimers.DueSchedules);
        Binding("RunDueSchedules", "durableClient");
    }

    [Theory]
    [InlineData(TaskNames.FetchRawDataset)]
    [InlineData(TaskNames.IngestCompoundChunk)]
    [InlineData(TaskNames.CompleteDatasetVersion)]
    [InlineData(TaskNames.FailDatasetVersion)]
    [InlineData(TaskNames.TrainModels)]
    [InlineData(TaskNames.BuildFingerprintStore)]
    public void EveryActivityIsBoundUnderItsSharedName(string name) => Binding(name, "activityTrigger");

    [Fact]
    public void EveryOrchestratorTheLocalHostRegistersHasAFunction()
    {
        Assert.Equal(3, MedEdu.Pipeline.PipelineTasks.Orchestrators.Count);
        foreach (var type in MedEdu.Pipeline.PipelineTasks.Orchestrators)
        {
            Binding(type.Name, "orchestrationTrigger");
        }
    }

    [Fact]
    public void EveryActivityTheLocalHostRegistersHasAFunction()
    {
        foreach (var type in MedEdu.Pipeline.PipelineTasks.Activities)
        {
            Binding(type.Name, "activityTrigger");
        }
    }

    [Fact]
    public void TheOpenApiDocumentDescribesEveryHttpFunction()
    {
        var document = JsonDocument.Parse(ApiDescription.Json).RootElement;
        var paths = document.GetProperty("paths");
        foreach (var (name, entry) in Functions)
        {
            var trigger = entry.GetProperty("bindings").EnumerateArray().FirstOrDefault(b => b.GetProperty("type").GetString() == "httpTrigger");
            if (trigger.ValueKind == JsonValueKind.Undefined || name is "GetOpenApiDocument" or "GetApiDocs" or "GetWebApp" or "GetHealth" or "ZzNoSuchRoute")
            {
                continue;
            }

            string path = "/api/" + trigger.GetProperty("route").GetString();
            Assert.True(paths.TryGetProperty(path, out var item), $"{name}: {path} is not in the OpenAPI document");
            foreach (var method in trigger.GetProperty("methods").EnumerateArray())
            {
                Assert.True(item.TryGetProperty(method.GetString()!, out _), $"{name}: {method} {path} is not in the OpenAPI document");
            }
        }
    }

    private static JsonElement? HttpTrigger(string function) =>
        Functions[function].GetProperty("bindings").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "httpTrigger").Select(b => (JsonElement?)b).FirstOrDefault();

    private static string[] Methods(JsonElement trigger) =>
        trigger.TryGetProperty("methods", out var methods) && methods.ValueKind == JsonValueKind.Array
            ? [.. methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant())]
            : ["*"];

    private static JsonElement Binding(string function, string type)
    {
        Assert.True(Functions.TryGetValue(function, out var entry), $"function '{function}' is not in functions.metadata");
        return Assert.Single(entry.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString() == type);
    }

    private static Dictionary<string, JsonElement> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }
}
