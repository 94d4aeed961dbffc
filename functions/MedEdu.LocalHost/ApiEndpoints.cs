using MedEdu.Compute.Exercises;
using MedEdu.LocalHost.OpenApi;
using MedEdu.Pipeline.Classes;
using MedEdu.Pipeline.Http;
using MedEdu.Pipeline.Schedules;
using MedEdu.Pipeline.Services;
using MedEdu.Pipeline.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.OpenApi;
using DatasetRegistration = MedEdu.Pipeline.Datasets.DatasetRegistration;

namespace MedEdu.LocalHost;

/// <summary>
/// Maps the shared route handlers under <c>/api</c>, exactly as the Functions app exposes them, with
/// the metadata the OpenAPI document is generated from: who may call each route, the body it reads,
/// what it answers (the C# contracts the handlers serialize) and the problems it can answer.
/// </summary>
public static class ApiEndpoints
{
    private const string Csv = "text/csv";

    /// <summary>Maps every route.</summary>
    public static void MapMedEduApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        MapDatasets(api.MapGroup("").WithTags("Datasets"));
        MapCompounds(api.MapGroup("").WithTags("Drawings"));
        MapClasses(api.MapGroup("").WithTags("Classes and exercises"));
        MapSchedules(api.MapGroup("").WithTags("Schedules"));
        api.MapGet(WebAppRoutes.Route, (HttpRequest r, [FromServices] WebAppRoutes h, string? path) => h.Get(r, path))
            .Describe("The student and instructor web page", ApiAccess.Anyone).AnswersText("text/html").Problems(404).ExcludeFromDescription();
        app.MapGet("/", () => Results.Redirect("/api/app/")).ExcludeFromDescription();
        api.MapGet(ApiDescription.Route, ApiDescription.Serve).ExcludeFromDescription();
        api.MapGet(ApiDocsRoutes.Route, (HttpRequest r, string? path) => ApiDocsRoutes.Get(r, path)).ExcludeFromDescription();
        api.MapGet("health", () => Results.Ok(new { status = "ok" })).ExcludeFromDescription();
        api.Map("{**rest}", (HttpRequest r) => ApiResult.Problem(StatusCodes.Status404NotFound, "Not found", $"no route {r.Method} {r.Path}")).ExcludeFromDescription();
    }

    private static void MapDatasets(RouteGroupBuilder api)
    {
        api.MapPost(DatasetRoutes.Collection, (HttpRequest r, [FromServices] DatasetRoutes h, [FromServices] DurableTaskClient c) => h.RegisterAsync(r, c))
            .Describe("Register a dataset and start ingesting it", ApiAccess.Instructor,
                "Exactly one source: bundled (esol, freesolv, bbbp, aqsoldb), a CSV url (https, on the host allowlist), pubchem (cids with a property, or an assay aid), chembl (target and activity type) or an upload id from POST /api/uploads. "
                + "Answers 202 with a Location to poll; 409 when the id is taken; an upload that is unknown, used or expired answers 404, 409 or 410.")
            .Body<DatasetRegistration>().Answers<DatasetStatus>(StatusCodes.Status202Accepted).Problems(404, 409, 410, 415);
        api.MapGet(DatasetRoutes.Collection, (HttpRequest r, [FromServices] DatasetRoutes h) => h.ListAsync(r))
            .Describe("List datasets", ApiAccess.Anyone).Answers<List<DatasetSummary>>();
        api.MapPost(UploadRoutes.Collection, (HttpRequest r, [FromServices] UploadRoutes h) => h.CreateAsync(r))
            .Describe("Get a write-only URL to upload a dataset file to", ApiAccess.Instructor,
                "PUT the file to uploadUrl with x-ms-blob-type: BlockBlob (or its blocks, then the block list), then register it with POST /api/datasets {\"upload\": id}.")
            .Body<UploadRequest>(optional: true).Answers<UploadTicket>(StatusCodes.Status201Created);
        api.MapGet(DatasetRoutes.Item, (HttpRequest r, [FromServices] DatasetRoutes h, [FromServices] DurableTaskClient c, string id) => h.GetAsync(r, c, id))
            .Describe("Dataset status, versions and ingestion progress", ApiAccess.Anyone).Answers<DatasetStatus>().Problems(404);
        api.MapPost(DatasetRoutes.Refresh, (HttpRequest r, [FromServices] DatasetRoutes h, [FromServices] DurableTaskClient c, string id) => h.RefreshAsync(r, c, id))
            .Describe("Ingest a new version from the registered source", ApiAccess.Instructor, "A file whose SHA-256 equals the served version's is recorded Unchanged and not re-ingested.")
            .Answers<DatasetStatus>(StatusCodes.Status202Accepted).Problems(404);
        Paged(api.MapGet(DatasetRoutes.Compounds, (HttpRequest r, [FromServices] DatasetRoutes h, string id) => h.CompoundsAsync(r, id))
            .Describe("A page of compounds of the served version", ApiAccess.Anyone).Answers<Page<CompoundView>>());
        Paged(api.MapGet(DatasetRoutes.Quarantine, (HttpRequest r, [FromServices] DatasetRoutes h, string id) => h.QuarantineAsync(r, id))
            .Describe("Rows refused by ingestion, with row, line and reason", ApiAccess.Instructor).Answers<Page<QuarantinedRowView>>());
        api.MapGet(DatasetRoutes.Files, (HttpRequest r, [FromServices] DatasetRoutes h, string id, string version) => h.FilesAsync(r, id, version))
            .Describe("The version's compounds as Parquet files (row ranges, counts, read-only URLs valid an hour)", ApiAccess.Anyone)
            .Answers<VersionFiles>().Problems(400, 404, 409);
        api.MapGet(DatasetRoutes.Model, (HttpRequest r, [FromServices] DatasetRoutes h, string id) => h.ModelAsync(r, id))
            .Describe("The version's ML.NET model: task, learner, held-out metrics, applicability-domain threshold", ApiAccess.Anyone)
            .Answers<ModelView>().Problems(400, 404, 409).Query("version", JsonSchemaType.Integer, "Dataset version (default: the served one).");
        api.MapGet(DatasetRoutes.Similar, (HttpRequest r, [FromServices] DatasetRoutes h, string id) => h.SimilarAsync(r, id))
            .Describe("The compounds most similar to a SMILES", ApiAccess.Anyone,
                "engine names what ran (worker:<engine> on the screening worker); fallback says why the worker did not answer.")
            .Answers<SimilarityResult>().Problems(400, 404, 409)
            .Query("smiles", JsonSchemaType.String, "The query structure (required).")
            .Query("k", JsonSchemaType.Integer, "How many hits (default 10).")
            .Query("metric", JsonSchemaType.String, "Similarity metric (default tanimoto).", ["tanimoto", "dice"])
            .Query("filter", JsonSchemaType.String, "Property filter on the hits (default none).", ["none", "lipinski", "veber", "druglike"])
            .Query("version", JsonSchemaType.Integer, "Dataset version (default: the served one).");
    }

    private static void MapCompounds(RouteGroupBuilder api)
    {
        Drawing(api.MapGet(CompoundRoutes.Depiction, (HttpRequest r, [FromServices] CompoundRoutes h, string id) => h.CompoundAsync(r, id))
            .Describe("SVG drawing of a stored compound (cached in Blob; ETag and If-None-Match answer 304)", ApiAccess.Anyone).Problems(404)
            .Query("version", JsonSchemaType.Integer, "Dataset version (default: the served one)."));
        Drawing(api.MapGet(CompoundRoutes.DepictSmiles, (HttpRequest r, [FromServices] CompoundRoutes h) => h.SmilesAsync(r))
            .Describe("SVG drawing of any SMILES", ApiAccess.Anyone)
            .Query("smiles", JsonSchemaType.String, "The structure to draw (required; at most 2,000 characters)."));
    }

    private static void MapClasses(RouteGroupBuilder api)
    {
        api.MapPost(ClassRoutes.Create, (HttpRequest r, [FromServices] ClassRoutes h) => h.CreateAsync(r))
            .Describe("Create a class and its exercise set (the caller owns it)", ApiAccess.Instructor,
                "A kind that does not fit the dataset's values (a ranking of 0/1 labels, a classification of measurements) is refused with 400 naming why; without exercises, one of each kind that fits (campaigns excepted).")
            .Body<CreateClassRequest>().Answers<ClassCreated>(StatusCodes.Status201Created).Problems(409);
        api.MapGet(ClassRoutes.Create, (HttpRequest r, [FromServices] ClassRoutes h) => h.MineAsync(r))
            .Describe("The classes you own or co-teach (every class for an administrator)", ApiAccess.Instructor).Answers<List<InstructorClass>>();
        Csvable(api.MapGet(ClassRoutes.Results, (HttpRequest r, [FromServices] ClassRoutes h, string classId) => h.ResultsAsync(r, classId))
            .Describe("Class results: the leaderboard, or one row per student and exercise as CSV", ApiAccess.Instructor).Answers<List<LeaderboardRow>>());
        Csvable(api.MapGet(ClassRoutes.Insights, (HttpRequest r, [FromServices] ClassRoutes h, string classId) => h.InsightsAsync(r, classId))
            .Describe("Class insights: scores by kind and level, misjudged compounds (and the model's), falling students, progress by day", ApiAccess.Instructor)
            .Answers<ClassInsightsReport>());
        api.MapPost(ClassRoutes.Instructors, (HttpRequest r, [FromServices] ClassRoutes h, string classId) => h.AddInstructorAsync(r, classId))
            .Describe("Add a co-instructor (owner only)", ApiAccess.Instructor).Body<AddInstructorRequest>().Answers<InstructorClass>().Problems(404);
        api.MapDelete(ClassRoutes.Item, (HttpRequest r, [FromServices] ClassRoutes h, string classId) => h.DeleteAsync(r, classId))
            .Describe("Delete the class with its students, their tokens and submissions (owner only; audited)", ApiAccess.Instructor).Answers<ClassDeleted>().Problems(404);
        api.MapPost(ClassRoutes.Join, (HttpRequest r, [FromServices] ClassRoutes h) => h.JoinAsync(r))
            .Describe("Join a class with its code; answers the student's bearer token (shown once)", ApiAccess.Anyone).Body<JoinRequest>().Answers<Joined>(StatusCodes.Status201Created).Problems(404);
        api.MapGet(ClassRoutes.Exercises, (HttpRequest r, [FromServices] ClassRoutes h, string classId) => h.ExercisesAsync(r, classId))
            .Describe("The class's exercises with your scores", ApiAccess.Student).Answers<List<ExerciseSummary>>();
        api.MapGet(ClassRoutes.Exercise, (HttpRequest r, [FromServices] ClassRoutes h, string classId, string exerciseId) => h.ExerciseAsync(r, classId, exerciseId))
            .Describe("One exercise: prompt, query, candidates (never measured values, predictions or the answer)", ApiAccess.Student).Answers<Exercise>().Problems(404);
        api.MapPost(ClassRoutes.Submit, (HttpRequest r, [FromServices] ClassRoutes h, string classId, string exerciseId) => h.SubmitAsync(r, classId, exerciseId))
            .Describe("Submit an answer (the first is scored) or play a campaign's next round", ApiAccess.Student,
                "For a campaign, answer holds the round's picks; each round is one submission and the round that spends the budget is scored. A pick outside the library or one already bought is refused with 400; a round past the budget with 409.")
            .Body<SubmissionRequest>().Answers<SubmissionResult>(StatusCodes.Status201Created).Problems(404, 409);
        api.MapGet(ClassRoutes.MySubmissions, (HttpRequest r, [FromServices] ClassRoutes h, string classId) => h.MySubmissionsAsync(r, classId))
            .Describe("Your own submissions and feedback", ApiAccess.Student).Answers<List<SubmissionResult>>();
        api.MapGet(ClassRoutes.Leaderboard, (HttpRequest r, [FromServices] ClassRoutes h, string classId) => h.LeaderboardAsync(r, classId))
            .Describe("The class leaderboard", ApiAccess.Student).Answers<List<LeaderboardRow>>();
        api.MapGet(ClassRoutes.Next, (HttpRequest r, [FromServices] ClassRoutes h, string classId) => h.NextAsync(r, classId))
            .Describe("What to practise next, and why", ApiAccess.Student).Answers<PracticeSuggestion>();
        api.MapGet(ClassRoutes.Campaign, (HttpRequest r, [FromServices] ClassRoutes h, string classId, string exerciseId) => h.CampaignAsync(r, classId, exerciseId))
            .Describe("A discovery campaign as you have played it: library, your revealed values, every player's curve so far", ApiAccess.Student).Answers<CampaignView>().Problems(404);
        api.MapGet(ClassRoutes.Campaigns, (HttpRequest r, [FromServices] ClassRoutes h, string classId) => h.CampaignsAsync(r, classId))
            .Describe("The discovery curves of every campaign of the class", ApiAccess.Instructor).Answers<List<CampaignClassReport>>().Problems(404);
        Csvable(api.MapGet(ClassRoutes.CampaignResults, (HttpRequest r, [FromServices] ClassRoutes h, string classId, string exerciseId) => h.CampaignResultsAsync(r, classId, exerciseId))
            .Describe("Every student's discovery curve beside the model's", ApiAccess.Instructor).Answers<CampaignClassReport>());
    }

    private static void MapSchedules(RouteGroupBuilder api)
    {
        api.MapPost(ScheduleRoutes.Collection, (HttpRequest r, [FromServices] ScheduleRoutes h, string id) => h.CreateAsync(r, id))
            .Describe("Refresh the dataset on an NCRONTAB schedule (6 fields, UTC)", ApiAccess.Instructor).Body<CreateScheduleRequest>().Answers<ScheduleView>(StatusCodes.Status201Created).Problems(404);
        api.MapGet(ScheduleRoutes.Collection, (HttpRequest r, [FromServices] ScheduleRoutes h, string id) => h.ListAsync(r, id))
            .Describe("The dataset's refresh schedules", ApiAccess.Instructor).Answers<List<ScheduleView>>().Problems(404);
        api.MapDelete(ScheduleRoutes.Item, (HttpRequest r, [FromServices] ScheduleRoutes h, string id, string scheduleId) => h.DeleteAsync(r, id, scheduleId))
            .Describe("Remove a schedule", ApiAccess.Instructor).Answers<ScheduleDeleted>().Problems(404);
        api.MapPost(ScheduleRoutes.Pause, (HttpRequest r, [FromServices] ScheduleRoutes h, string id, string scheduleId) => h.PauseAsync(r, id, scheduleId))
            .Describe("Pause a schedule", ApiAccess.Instructor).Answers<ScheduleView>().Problems(404);
        api.MapPost(ScheduleRoutes.Resume, (HttpRequest r, [FromServices] ScheduleRoutes h, string id, string scheduleId) => h.ResumeAsync(r, id, scheduleId))
            .Describe("Resume a schedule (next due at its next occurrence from now)", ApiAccess.Instructor).Answers<ScheduleView>().Problems(404);
    }

    private static RouteHandlerBuilder Paged(RouteHandlerBuilder route) => route.Problems(400, 404, 409)
        .Query("skip", JsonSchemaType.Integer, "Items to skip (default 0).")
        .Query("take", JsonSchemaType.Integer, "Items to return, 1 to 1000 (default 50).")
        .Query("version", JsonSchemaType.Integer, "Dataset version (default: the served one).");

    private static RouteHandlerBuilder Csvable(RouteHandlerBuilder route) => route.AnswersText(Csv).Problems(404)
        .Query("format", JsonSchemaType.String, "json (default) or csv.", ["json", "csv"]);

    private static RouteHandlerBuilder Drawing(RouteHandlerBuilder route) => route.AnswersText("image/svg+xml").Produces(StatusCodes.Status304NotModified).Problems(400)
        .Query("aromatic", JsonSchemaType.String, "How aromatic rings are drawn (default kekule).", ["kekule", "circles"])
        .Query("width", JsonSchemaType.Integer, "Image width in pixels, 50 to 2000.")
        .Query("height", JsonSchemaType.Integer, "Image height in pixels, 50 to 2000.")
        .Query("highlight", JsonSchemaType.String, "Atoms to colour, with a legend.", ["similarity", "logp", "tpsa", "alerts", "pains"])
        .Query("query", JsonSchemaType.String, "For highlight=similarity: the query SMILES.");
}
