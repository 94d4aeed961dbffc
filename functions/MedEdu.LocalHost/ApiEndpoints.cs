using MedEdu.Pipeline.Http;
using Microsoft.DurableTask.Client;

namespace MedEdu.LocalHost;

/// <summary>Maps the shared route handlers under <c>/api</c>, exactly as the Functions app exposes them.</summary>
public static class ApiEndpoints
{
    /// <summary>Maps every route.</summary>
    public static void MapMedEduApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapPost(DatasetRoutes.Collection, (HttpRequest r, DatasetRoutes h, DurableTaskClient c) => h.RegisterAsync(r, c));
        api.MapGet(DatasetRoutes.Collection, (HttpRequest r, DatasetRoutes h) => h.ListAsync(r));
        api.MapPost(UploadRoutes.Collection, (HttpRequest r, UploadRoutes h) => h.CreateAsync(r));
        api.MapGet(DatasetRoutes.Item, (HttpRequest r, DatasetRoutes h, DurableTaskClient c, string id) => h.GetAsync(r, c, id));
        api.MapPost(DatasetRoutes.Refresh, (HttpRequest r, DatasetRoutes h, DurableTaskClient c, string id) => h.RefreshAsync(r, c, id));
        api.MapGet(DatasetRoutes.Compounds, (HttpRequest r, DatasetRoutes h, string id) => h.CompoundsAsync(r, id));
        api.MapGet(DatasetRoutes.Quarantine, (HttpRequest r, DatasetRoutes h, string id) => h.QuarantineAsync(r, id));
        api.MapGet(DatasetRoutes.Files, (HttpRequest r, DatasetRoutes h, string id, string version) => h.FilesAsync(r, id, version));
        api.MapGet(DatasetRoutes.Model, (HttpRequest r, DatasetRoutes h, string id) => h.ModelAsync(r, id));
        api.MapGet(DatasetRoutes.Similar, (HttpRequest r, DatasetRoutes h, string id) => h.SimilarAsync(r, id));
        api.MapGet(CompoundRoutes.Depiction, (HttpRequest r, CompoundRoutes h, string id) => h.CompoundAsync(r, id));
        api.MapGet(CompoundRoutes.DepictSmiles, (HttpRequest r, CompoundRoutes h) => h.SmilesAsync(r));
        api.MapGet(WebAppRoutes.Route, (HttpRequest r, WebAppRoutes h, string? path) => h.Get(r, path));
        app.MapGet("/", () => Results.Redirect("/api/app/"));
        api.MapPost(ClassRoutes.Create, (HttpRequest r, ClassRoutes h) => h.CreateAsync(r));
        api.MapGet(ClassRoutes.Create, (HttpRequest r, ClassRoutes h) => h.MineAsync(r));
        api.MapGet(ClassRoutes.Results, (HttpRequest r, ClassRoutes h, string classId) => h.ResultsAsync(r, classId));
        api.MapGet(ClassRoutes.Insights, (HttpRequest r, ClassRoutes h, string classId) => h.InsightsAsync(r, classId));
        api.MapPost(ClassRoutes.Instructors, (HttpRequest r, ClassRoutes h, string classId) => h.AddInstructorAsync(r, classId));
        api.MapDelete(ClassRoutes.Item, (HttpRequest r, ClassRoutes h, string classId) => h.DeleteAsync(r, classId));
        api.MapPost(ClassRoutes.Join, (HttpRequest r, ClassRoutes h) => h.JoinAsync(r));
        api.MapGet(ClassRoutes.Exercises, (HttpRequest r, ClassRoutes h, string classId) => h.ExercisesAsync(r, classId));
        api.MapGet(ClassRoutes.Exercise, (HttpRequest r, ClassRoutes h, string classId, string exerciseId) => h.ExerciseAsync(r, classId, exerciseId));
        api.MapPost(ClassRoutes.Submit, (HttpRequest r, ClassRoutes h, string classId, string exerciseId) => h.SubmitAsync(r, classId, exerciseId));
        api.MapGet(ClassRoutes.MySubmissions, (HttpRequest r, ClassRoutes h, string classId) => h.MySubmissionsAsync(r, classId));
        api.MapGet(ClassRoutes.Leaderboard, (HttpRequest r, ClassRoutes h, string classId) => h.LeaderboardAsync(r, classId));
        api.MapGet(ClassRoutes.Next, (HttpRequest r, ClassRoutes h, string classId) => h.NextAsync(r, classId));
        api.MapGet(ClassRoutes.Campaign, (HttpRequest r, ClassRoutes h, string classId, string exerciseId) => h.CampaignAsync(r, classId, exerciseId));
        api.MapGet(ClassRoutes.Campaigns, (HttpRequest r, ClassRoutes h, string classId) => h.CampaignsAsync(r, classId));
        api.MapGet(ClassRoutes.CampaignResults, (HttpRequest r, ClassRoutes h, string classId, string exerciseId) => h.CampaignResultsAsync(r, classId, exerciseId));
        api.MapPost(ScheduleRoutes.Collection, (HttpRequest r, ScheduleRoutes h, string id) => h.CreateAsync(r, id));
        api.MapGet(ScheduleRoutes.Collection, (HttpRequest r, ScheduleRoutes h, string id) => h.ListAsync(r, id));
        api.MapDelete(ScheduleRoutes.Item, (HttpRequest r, ScheduleRoutes h, string id, string scheduleId) => h.DeleteAsync(r, id, scheduleId));
        api.MapPost(ScheduleRoutes.Pause, (HttpRequest r, ScheduleRoutes h, string id, string scheduleId) => h.PauseAsync(r, id, scheduleId));
        api.MapPost(ScheduleRoutes.Resume, (HttpRequest r, ScheduleRoutes h, string id, string scheduleId) => h.ResumeAsync(r, id, scheduleId));
        api.MapGet(OpenApiDocument.Route, () => ApiResult.Ok(OpenApiDocument.Build()));
        api.MapGet("health", () => Results.Ok(new { status = "ok" }));
        api.Map("{**rest}", (HttpRequest r) => ApiResult.Problem(StatusCodes.Status404NotFound, "Not found", $"no route {r.Method} {r.Path}"));
    }
}
