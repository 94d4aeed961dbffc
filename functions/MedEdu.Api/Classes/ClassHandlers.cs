using MedEdu.Pipeline.Classes;
using Microsoft.AspNetCore.Http;

namespace MedEdu.Api.Classes;

/// <summary>
/// The class and exercise routes, shared by both hosts. Instructors create classes (which they then
/// own), read the results of the classes they teach, add co-instructors and delete their classes;
/// students join with a code, then use the bearer token they got.
/// </summary>
public sealed class ClassHandlers(ClassService classes, MedEdu.Pipeline.Tutoring.TutoringService tutoring, CampaignService campaigns, ClassErasure erasure, InstructorGuard instructor, AbuseLimits limits,
    Localization.StudentMessages words, Localization.ExerciseLocalizer exerciseWords)
{
    /// <summary><c>POST /api/classes</c> (instructor): a class and its exercise set from a dataset's served version.</summary>
    public Task<ApiResult> CreateAsync(HttpRequest request) => Guarded(request, async who =>
    {
        var (body, problem) = await RequestBody.ReadJsonAsync<CreateClassRequest>(request);
        return problem ?? ApiResult.Ok(await classes.CreateAsync(body!, who), StatusCodes.Status201Created);
    });

    /// <summary><c>GET /api/classes</c> (instructor): the classes the caller owns or co-teaches.</summary>
    public Task<ApiResult> MineAsync(HttpRequest request) => Guarded(request, async who => ApiResult.Ok(await classes.ClassesOfAsync(who)));

    /// <summary><c>GET /api/classes/{classId}/results?format=csv|json</c> (an instructor of the class).</summary>
    public Task<ApiResult> ResultsAsync(HttpRequest request, string classId) => Guarded(request, async who =>
    {
        await classes.ManagedAsync(classId, who);
        return request.Query["format"].ToString() == "csv"
            ? ApiResult.Text(await classes.ResultsCsvAsync(classId), "text/csv; charset=utf-8")
            : ApiResult.Ok(await classes.LeaderboardAsync(classId));
    });

    /// <summary><c>GET /api/classes/{classId}/insights?format=csv|json</c> (an instructor of the class).</summary>
    public Task<ApiResult> InsightsAsync(HttpRequest request, string classId) => Guarded(request, async who =>
    {
        await classes.ManagedAsync(classId, who);
        var report = await classes.InsightsAsync(classId);
        return request.Query["format"].ToString() == "csv"
            ? ApiResult.Text(Compute.Exercises.ClassInsightsCsv.Write(report), "text/csv; charset=utf-8")
            : ApiResult.Ok(report);
    });

    /// <summary><c>GET /api/classes/{classId}/campaigns/{exerciseId}?format=csv|json</c> (an instructor of the class): every student's discovery curve beside the model's.</summary>
    public Task<ApiResult> CampaignResultsAsync(HttpRequest request, string classId, string exerciseId) => Guarded(request, async who =>
    {
        await classes.ManagedAsync(classId, who);
        var report = await campaigns.ClassReportAsync(classId, exerciseId);
        return request.Query["format"].ToString() == "csv"
            ? ApiResult.Text(CampaignService.ClassReportCsv(report), "text/csv; charset=utf-8")
            : ApiResult.Ok(report);
    });

    /// <summary><c>GET /api/classes/{classId}/campaigns</c> (an instructor of the class): the curves of every campaign of the class.</summary>
    public Task<ApiResult> CampaignsAsync(HttpRequest request, string classId) => Guarded(request, async who =>
    {
        await classes.ManagedAsync(classId, who);
        return ApiResult.Ok(await campaigns.ClassReportsAsync(classId));
    });

    /// <summary><c>POST /api/classes/{classId}/instructors</c> (the owner): adds a co-instructor.</summary>
    public Task<ApiResult> AddInstructorAsync(HttpRequest request, string classId) => Guarded(request, async who =>
    {
        var (body, problem) = await RequestBody.ReadJsonAsync<AddInstructorRequest>(request, 4 * 1024);
        return problem ?? ApiResult.Ok(await classes.AddCoInstructorAsync(classId, who, body!.InstructorId));
    });

    /// <summary><c>DELETE /api/classes/{classId}</c> (the owner): the class, its students, their tokens and submissions; audited.</summary>
    public Task<ApiResult> DeleteAsync(HttpRequest request, string classId) =>
        Guarded(request, async who => ApiResult.Ok(await erasure.DeleteAsync(classId, who)));

    /// <summary><c>POST /api/classes/join</c>: a student joins with the class code.</summary>
    public async Task<ApiResult> JoinAsync(HttpRequest request)
    {
        string address = limits.ClientAddress(request);
        if (limits.RefuseJoin(address) is { } refused)
        {
            return refused;
        }

        var (body, problem) = await RequestBody.ReadJsonAsync<JoinRequest>(request);
        var result = problem ?? await words.InCultureOfAsync(request, async () => ApiResult.Ok(await classes.JoinAsync(body!), StatusCodes.Status201Created));
        if (result.StatusCode == StatusCodes.Status404NotFound)
        {
            limits.WrongJoinCode(address);
        }

        return result;
    }

    /// <summary><c>GET /api/classes/{classId}/exercises</c> (student).</summary>
    public Task<ApiResult> ExercisesAsync(HttpRequest request, string classId) =>
        AsStudent(request, classId, async s => ApiResult.Ok(exerciseWords.Localize(await classes.ExercisesAsync(classId, s.RowKey))));

    /// <summary><c>GET /api/classes/{classId}/exercises/{exerciseId}</c> (student): the exercise, never its answer.</summary>
    public Task<ApiResult> ExerciseAsync(HttpRequest request, string classId, string exerciseId) =>
        AsStudent(request, classId, async _ => await classes.ExerciseAsync(classId, exerciseId) is { } e
            ? ApiResult.Ok(exerciseWords.Localize(e))
            : words.Problem(StatusCodes.Status404NotFound, "UnknownExerciseTitle", "NoExercise", exerciseId));

    /// <summary><c>POST /api/classes/{classId}/exercises/{exerciseId}/submissions</c> (student).</summary>
    public Task<ApiResult> SubmitAsync(HttpRequest request, string classId, string exerciseId) =>
        limits.RefuseSubmission(limits.ClientAddress(request), classId) is { } refused ? Task.FromResult(refused) : AsStudent(request, classId, async s =>
        {
            var (body, problem) = await RequestBody.ReadJsonAsync<SubmissionRequest>(request, 16 * 1024);
            if (problem is not null)
            {
                return problem;
            }

            if (body!.Answer is not { } answer)
            {
                return ApiResult.Problem(StatusCodes.Status400BadRequest, "Missing answer", "give 'answer': a list of compound ids");
            }

            return ApiResult.Ok(exerciseWords.Localize(await classes.SubmitAsync(classId, exerciseId, s, answer)), StatusCodes.Status201Created);
        });

    /// <summary>
    /// <c>GET /api/classes/{classId}/exercises/{exerciseId}/campaign</c> (student): the campaign as the
    /// caller has played it so far (rounds are played with the submissions route, one per round).
    /// </summary>
    public Task<ApiResult> CampaignAsync(HttpRequest request, string classId, string exerciseId) =>
        AsStudent(request, classId, async s => ApiResult.Ok(exerciseWords.Localize(await campaigns.ViewAsync(classId, exerciseId, s.RowKey))));

    /// <summary><c>GET /api/classes/{classId}/submissions</c> (student): only the caller's own.</summary>
    public Task<ApiResult> MySubmissionsAsync(HttpRequest request, string classId) =>
        AsStudent(request, classId, async s => ApiResult.Ok(exerciseWords.Localize(await classes.MySubmissionsAsync(classId, s.RowKey))));

    /// <summary><c>GET /api/classes/{classId}/leaderboard</c> (student of the class).</summary>
    public Task<ApiResult> LeaderboardAsync(HttpRequest request, string classId) =>
        AsStudent(request, classId, async _ => ApiResult.Ok(await classes.LeaderboardAsync(classId)));

    /// <summary><c>GET /api/classes/{classId}/next</c> (student): what to practise next and why, from the student model, with their mastery per skill.</summary>
    public Task<ApiResult> NextAsync(HttpRequest request, string classId) =>
        AsStudent(request, classId, async s => ApiResult.Ok(await tutoring.PlanAsync(classId, s.RowKey)));

    /// <summary><c>PUT /api/classes/{classId}/students/{studentId}/next</c> (an instructor of the class): sets the student's next exercise over the model's choice; recorded and audited.</summary>
    public Task<ApiResult> OverrideNextAsync(HttpRequest request, string classId, string studentId) => Guarded(request, async who =>
    {
        var (body, problem) = await RequestBody.ReadJsonAsync<MedEdu.Pipeline.Tutoring.PracticeOverrideRequest>(request, 4 * 1024);
        return problem ?? ApiResult.Ok(await tutoring.OverrideAsync(classId, studentId, body!, who));
    });

    private Task<ApiResult> Guarded(HttpRequest request, Func<InstructorIdentity, Task<ApiResult>> action) => instructor.RunAsync(request, action);

    private async Task<ApiResult> AsStudent(HttpRequest request, string classId, Func<MedEdu.Pipeline.Classes.StudentEntity, Task<ApiResult>> action)
    {
        string header = request.Headers.Authorization.ToString();
        string? token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..].Trim() : null;
        return await words.InCultureOfAsync(request, async () =>
        {
            if (token is null)
            {
                return words.Problem(StatusCodes.Status401Unauthorized, "TokenRequiredTitle", "TokenRequired");
            }

            var student = await classes.AuthenticateAsync(classId, token);
            return student is null
                ? words.Problem(StatusCodes.Status403Forbidden, "TokenWrongClassTitle", "TokenWrongClass", classId)
                : await action(student);
        });
    }
}
