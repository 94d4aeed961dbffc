using System.Text.Json;
using MedEdu.Pipeline.Http;
using MedEdu.Pipeline.Ingestion;

namespace MedEdu.Functions.Tests;

/// <summary>
/// Reads the functions.metadata that the Functions SDK generated at build time (what the Azure
/// Functions host loads) and checks that every route, orchestration and activity is bound.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Dictionary<string, JsonElement> Functions = Load();

    public static TheoryData<string, string, string, string> HttpFunctions => new()
    {
        { "RegisterDataset", "post", DatasetRoutes.Collection, "Anonymous" },
        { "ListDatasets", "get", DatasetRoutes.Collection, "Anonymous" },
        { "GetDataset", "get", DatasetRoutes.Item, "Anonymous" },
        { "RefreshDataset", "post", DatasetRoutes.Refresh, "Anonymous" },
        { "ListCompounds", "get", DatasetRoutes.Compounds, "Anonymous" },
        { "ListQuarantinedRows", "get", DatasetRoutes.Quarantine, "Anonymous" },
        { "GetDatasetModel", "get", DatasetRoutes.Model, "Anonymous" },
        { "FindSimilarCompounds", "get", DatasetRoutes.Similar, "Anonymous" },
        { "CreateUpload", "post", UploadRoutes.Collection, "Anonymous" },
        { "ListVersionFiles", "get", DatasetRoutes.Files, "Anonymous" },
        { "CreateClass", "post", ClassRoutes.Create, "Anonymous" },
        { "GetClassResults", "get", ClassRoutes.Results, "Anonymous" },
        { "ListMyClasses", "get", ClassRoutes.Create, "Anonymous" },
        { "GetClassInsights", "get", ClassRoutes.Insights, "Anonymous" },
        { "AddCoInstructor", "post", ClassRoutes.Instructors, "Anonymous" },
        { "DeleteClass", "delete", ClassRoutes.Item, "Anonymous" },
        { "JoinClass", "post", ClassRoutes.Join, "Anonymous" },
        { "ListExercises", "get", ClassRoutes.Exercises, "Anonymous" },
        { "GetExercise", "get", ClassRoutes.Exercise, "Anonymous" },
        { "SubmitAnswer", "post", ClassRoutes.Submit, "Anonymous" },
        { "ListMySubmissions", "get", ClassRoutes.MySubmissions, "Anonymous" },
        { "GetLeaderboard", "get", ClassRoutes.Leaderboard, "Anonymous" },
        { "GetNextExercise", "get", ClassRoutes.Next, "Anonymous" },
        { "GetCampaign", "get", ClassRoutes.Campaign, "Anonymous" },
        { "GetCampaigns", "get", ClassRoutes.Campaigns, "Anonymous" },
        { "GetCampaignResults", "get", ClassRoutes.CampaignResults, "Anonymous" },
        { "GetOpenApiDocument", "get", ApiDescription.Route, "Anonymous" },
        { "GetApiDocs", "get", ApiDocsRoutes.Route, "Anonymous" },
        { "CreateSchedule", "post", ScheduleRoutes.Collection, "Anonymous" },
        { "ListSchedules", "get", ScheduleRoutes.Collection, "Anonymous" },
        { "DeleteSchedule", "delete", ScheduleRoutes.Item, "Anonymous" },
        { "PauseSchedule", "post", ScheduleRoutes.Pause, "Anonymous" },
        { "ResumeSchedule", "post", ScheduleRoutes.Resume, "Anonymous" },
        { "GetCompoundDepiction", "get", CompoundRoutes.Depiction, "Anonymous" },
        { "DepictSmiles", "get", CompoundRoutes.DepictSmiles, "Anonymous" },
        { "GetWebApp", "get", WebAppRoutes.Route, "Anonymous" },
    };

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void HttpRoutesAreBoundWithTheirMethodAndAuthLevel(string name, string method, string route, string authLevel)
    {
        var trigger = Binding(name, "httpTrigger");
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(authLevel, trigger.GetProperty("authLevel").GetString());
        Assert.Equal("Out", Binding(name, "http").GetProperty("direction").GetString());
    }

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
        Assert.Equal("0 * * * * *", Binding("RunDueSchedules", "timerTrigger").GetProperty("schedule").GetString());
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
            if (trigger.ValueKind == JsonValueKind.Undefined || name is "GetOpenApiDocument" or "GetApiDocs" or "GetWebApp")
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
