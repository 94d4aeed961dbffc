using MedEdu.Compute.Exercises;
using MedEdu.Pipeline.Classes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace MedEdu.Api.Classes;

/// <summary>
/// The class and exercise routes, written once. Instructors create classes (which they then own),
/// read the results of the classes they teach, add co-instructors and delete their classes;
/// students join with a code, then use the bearer token they got.
/// </summary>
public static class ClassesApi
{
    /// <summary><c>/api/classes</c>.</summary>
    public const string Create = "classes";

    /// <summary><c>/api/classes/{classId}</c>.</summary>
    public const string Item = "classes/{classId}";

    /// <summary><c>/api/classes/{classId}/instructors</c>.</summary>
    public const string Instructors = "classes/{classId}/instructors";

    /// <summary><c>/api/classes/{classId}/insights</c>.</summary>
    public const string Insights = "classes/{classId}/insights";

    /// <summary><c>/api/classes/join</c>.</summary>
    public const string Join = "classes/join";

    /// <summary><c>/api/classes/{classId}/results</c>.</summary>
    public const string Results = "classes/{classId}/results";

    /// <summary><c>/api/classes/{classId}/exercises</c>.</summary>
    public const string Exercises = "classes/{classId}/exercises";

    /// <summary><c>/api/classes/{classId}/exercises/{exerciseId}</c>.</summary>
    public const string Exercise = "classes/{classId}/exercises/{exerciseId}";

    /// <summary><c>/api/classes/{classId}/exercises/{exerciseId}/submissions</c>.</summary>
    public const string Submit = "classes/{classId}/exercises/{exerciseId}/submissions";

    /// <summary><c>/api/classes/{classId}/submissions</c>.</summary>
    public const string MySubmissions = "classes/{classId}/submissions";

    /// <summary><c>/api/classes/{classId}/leaderboard</c>.</summary>
    public const string Leaderboard = "classes/{classId}/leaderboard";

    /// <summary><c>/api/classes/{classId}/next</c>.</summary>
    public const string Next = "classes/{classId}/next";

    /// <summary><c>/api/classes/{classId}/students/{studentId}/next</c>.</summary>
    public const string StudentNext = "classes/{classId}/students/{studentId}/next";

    /// <summary><c>/api/classes/{classId}/exercises/{exerciseId}/campaign</c>.</summary>
    public const string Campaign = "classes/{classId}/exercises/{exerciseId}/campaign";

    /// <summary><c>/api/classes/{classId}/campaigns/{exerciseId}</c>.</summary>
    public const string CampaignResults = "classes/{classId}/campaigns/{exerciseId}";

    /// <summary><c>/api/classes/{classId}/campaigns</c>.</summary>
    public const string Campaigns = "classes/{classId}/campaigns";

    /// <summary>Maps the routes on <paramref name="api"/> (the <c>/api</c> group).</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost(Create, (HttpRequest r, [FromServices] ClassHandlers h) => h.CreateAsync(r))
            .Describe("Create a class and its exercise set (the caller owns it)", ApiAccess.Instructor,
                "A kind that does not fit the dataset's values (a ranking of 0/1 labels, a classification of measurements) is refused with 400 naming why; without exercises, one of each kind that fits (campaigns excepted).")
            .Body<CreateClassRequest>().Answers<ClassCreated>(StatusCodes.Status201Created).Problems(409);
        api.MapGet(Create, (HttpRequest r, [FromServices] ClassHandlers h) => h.MineAsync(r))
            .Describe("The classes you own or co-teach (every class for an administrator)", ApiAccess.Instructor).Answers<List<InstructorClass>>();
        Csvable(api.MapGet(Results, (HttpRequest r, [FromServices] ClassHandlers h, string classId) => h.ResultsAsync(r, classId))
            .Describe("Class results: the leaderboard, or one row per student and exercise as CSV", ApiAccess.Instructor).Answers<List<LeaderboardRow>>());
        Csvable(api.MapGet(Insights, (HttpRequest r, [FromServices] ClassHandlers h, string classId) => h.InsightsAsync(r, classId))
            .Describe("Class insights: scores by kind and level, misjudged compounds (and the model's), falling students, progress by day, mastery per student and skill, students at risk", ApiAccess.Instructor)
            .Answers<ClassInsightsReport>());
        api.MapPost(Instructors, (HttpRequest r, [FromServices] ClassHandlers h, string classId) => h.AddInstructorAsync(r, classId))
            .Describe("Add a co-instructor (owner only)", ApiAccess.Instructor).Body<AddInstructorRequest>().Answers<InstructorClass>().Problems(404);
        api.MapDelete(Item, (HttpRequest r, [FromServices] ClassHandlers h, string classId) => h.DeleteAsync(r, classId))
            .Describe("Delete the class with its students, their tokens and submissions (owner only; audited)", ApiAccess.Instructor).Answers<ClassDeleted>().Problems(404);
        api.MapPost(Join, (HttpRequest r, [FromServices] ClassHandlers h) => h.JoinAsync(r))
            .Describe("Join a class with its code; answers the student's bearer token (shown once)", ApiAccess.Anyone,
                "One address may try 20 wrong codes and 300 joins a minute (MedEdu:Limits); past that, 429 with Retry-After.").Body<JoinRequest>().Answers<Joined>(StatusCodes.Status201Created).Problems(404, 429).Localized();
        api.MapGet(Exercises, (HttpRequest r, [FromServices] ClassHandlers h, string classId) => h.ExercisesAsync(r, classId))
            .Describe("The class's exercises with your scores", ApiAccess.Student).Answers<List<ExerciseSummary>>().Localized();
        api.MapGet(Exercise, (HttpRequest r, [FromServices] ClassHandlers h, string classId, string exerciseId) => h.ExerciseAsync(r, classId, exerciseId))
            .Describe("One exercise: prompt, query, candidates (never measured values, predictions or the answer)", ApiAccess.Student).Answers<Exercise>().Problems(404).Localized();
        api.MapPost(Submit, (HttpRequest r, [FromServices] ClassHandlers h, string classId, string exerciseId) => h.SubmitAsync(r, classId, exerciseId))
            .Describe("Submit an answer (the first is scored) or play a campaign's next round", ApiAccess.Student,
                "For a campaign, answer holds the round's picks; each round is one submission and the round that spends the budget is scored. A pick outside the library or one already bought is refused with 400; a round past the budget with 409. "
                + "One address may submit 1,200 times a minute and a class receive 3,000 (MedEdu:Limits); past that, 429 with Retry-After.")
            .Body<SubmissionRequest>().Answers<SubmissionResult>(StatusCodes.Status201Created).Problems(404, 409, 429).Localized();
        api.MapGet(MySubmissions, (HttpRequest r, [FromServices] ClassHandlers h, string classId) => h.MySubmissionsAsync(r, classId))
            .Describe("Your own submissions and feedback", ApiAccess.Student).Answers<List<SubmissionResult>>().Localized();
        api.MapGet(Leaderboard, (HttpRequest r, [FromServices] ClassHandlers h, string classId) => h.LeaderboardAsync(r, classId))
            .Describe("The class leaderboard", ApiAccess.Student).Answers<List<LeaderboardRow>>().Localized();
        api.MapGet(Next, (HttpRequest r, [FromServices] ClassHandlers h, string classId) => h.NextAsync(r, classId))
            .Describe("What to practise next and why, with your mastery of each skill the class practises", ApiAccess.Student,
                "The student model (a Kalman-filtered Elo of each skill, fitted from the class's answers) picks the weakest unmastered skill at the exercise with a 60-80% chance of a right answer; an instructor's override comes first until it is answered (chosenBy: instructor).")
            .Answers<MedEdu.Compute.Tutoring.PracticePlan>().Localized();
        api.MapPut(StudentNext, (HttpRequest r, [FromServices] ClassHandlers h, string classId, string studentId) => h.OverrideNextAsync(r, classId, studentId))
            .Describe("Set a student's next exercise over the model's choice (an instructor of the class; recorded with the model's suggestion and audited)", ApiAccess.Instructor,
                "It stands until the student answers that exercise.")
            .Body<MedEdu.Pipeline.Tutoring.PracticeOverrideRequest>().Answers<MedEdu.Pipeline.Tutoring.PracticeOverride>().Problems(404);
        api.MapGet(Campaign, (HttpRequest r, [FromServices] ClassHandlers h, string classId, string exerciseId) => h.CampaignAsync(r, classId, exerciseId))
            .Describe("A discovery campaign as you have played it: library, your revealed values, every player's curve so far", ApiAccess.Student).Answers<CampaignView>().Problems(404).Localized();
        api.MapGet(Campaigns, (HttpRequest r, [FromServices] ClassHandlers h, string classId) => h.CampaignsAsync(r, classId))
            .Describe("The discovery curves of every campaign of the class", ApiAccess.Instructor).Answers<List<CampaignClassReport>>().Problems(404);
        Csvable(api.MapGet(CampaignResults, (HttpRequest r, [FromServices] ClassHandlers h, string classId, string exerciseId) => h.CampaignResultsAsync(r, classId, exerciseId))
            .Describe("Every student's discovery curve beside the model's", ApiAccess.Instructor).Answers<CampaignClassReport>());
    }

    private static RouteHandlerBuilder Csvable(RouteHandlerBuilder route) => route.AnswersText("text/csv").Problems(404)
        .Query("format", JsonSchemaType.String, "json (default) or csv.", ["json", "csv"]);
}
