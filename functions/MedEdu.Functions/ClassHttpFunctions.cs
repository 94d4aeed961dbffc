using MedEdu.Api.Classes;
using MedEdu.Api.Docs;
using MedEdu.Api.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MedEdu.Functions;

/// <summary>HTTP triggers of the class routes and the OpenAPI document: one line each over the shared handlers.</summary>
public sealed class ClassHttpFunctions(ClassHandlers routes)
{
    [Function("CreateClass")]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ClassesApi.Create)] HttpRequest r) => await routes.CreateAsync(r);

    [Function("ListMyClasses")]
    public async Task<IActionResult> Mine([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassesApi.Create)] HttpRequest r) => await routes.MineAsync(r);

    [Function("GetClassInsights")]
    public async Task<IActionResult> Insights([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassesApi.Insights)] HttpRequest r, string classId) => await routes.InsightsAsync(r, classId);

    [Function("AddCoInstructor")]
    public async Task<IActionResult> AddInstructor([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ClassesApi.Instructors)] HttpRequest r, string classId) => await routes.AddInstructorAsync(r, classId);

    [Function("DeleteClass")]
    public async Task<IActionResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ClassesApi.Item)] HttpRequest r, string classId) => await routes.DeleteAsync(r, classId);

    [Function("GetClassResults")]
    public async Task<IActionResult> Results([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassesApi.Results)] HttpRequest r, string classId) => await routes.ResultsAsync(r, classId);

    [Function("JoinClass")]
    public async Task<IActionResult> Join([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ClassesApi.Join)] HttpRequest r) => await routes.JoinAsync(r);

    [Function("ListExercises")]
    public async Task<IActionResult> Exercises([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassesApi.Exercises)] HttpRequest r, string classId) => await routes.ExercisesAsync(r, classId);

    [Function("GetExercise")]
    public async Task<IActionResult> Exercise([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassesApi.Exercise)] HttpRequest r, string classId, string exerciseId) => await routes.ExerciseAsync(r, classId, exerciseId);

    [Function("SubmitAnswer")]
    public async Task<IActionResult> Submit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ClassesApi.Submit)] HttpRequest r, string classId, string exerciseId) => await routes.SubmitAsync(r, classId, exerciseId);

    [Function("ListMySubmissions")]
    public async Task<IActionResult> MySubmissions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassesApi.MySubmissions)] HttpRequest r, string classId) => await routes.MySubmissionsAsync(r, classId);

    [Function("GetLeaderboard")]
    public async Task<IActionResult> Leaderboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassesApi.Leaderboard)] HttpRequest r, string classId) => await routes.LeaderboardAsync(r, classId);

    [Function("GetNextExercise")]
    public async Task<IActionResult> Next([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassesApi.Next)] HttpRequest r, string classId) => await routes.NextAsync(r, classId);

    [Function("SetNextExercise")]
    public async Task<IActionResult> OverrideNext([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ClassesApi.StudentNext)] HttpRequest r, string classId, string studentId) => await routes.OverrideNextAsync(r, classId, studentId);

    [Function("GetCampaign")]
    public async Task<IActionResult> Campaign([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassesApi.Campaign)] HttpRequest r, string classId, string exerciseId) => await routes.CampaignAsync(r, classId, exerciseId);

    [Function("GetCampaigns")]
    public async Task<IActionResult> Campaigns([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassesApi.Campaigns)] HttpRequest r, string classId) => await routes.CampaignsAsync(r, classId);

    [Function("GetCampaignResults")]
    public async Task<IActionResult> CampaignResults([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassesApi.CampaignResults)] HttpRequest r, string classId, string exerciseId) => await routes.CampaignResultsAsync(r, classId, exerciseId);

    [Function("GetApiDocs")]
    public IActionResult Docs([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DocsApi.Reference)] HttpRequest r, string? path) => ApiReferenceHandler.Get(r, path);

    [Function("GetOpenApiDocument")]
    public IActionResult OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DocsApi.Document)] HttpRequest r) => ApiDescription.Serve();
}
