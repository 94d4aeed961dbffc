using MedEdu.Pipeline.Classes.Review;
using Microsoft.AspNetCore.Http;

namespace MedEdu.Api.Classes.Review;

/// <summary>The review routes of a class, shared by both hosts: preview, remove, regenerate, replace a compound, reword, publish (an instructor of the class).</summary>
public sealed class ReviewHandlers(ClassReviewService review, InstructorGuard instructor)
{
    /// <summary><c>GET /api/classes/{classId}/review</c>.</summary>
    public Task<ApiResult> PreviewAsync(HttpRequest request, string classId) =>
        instructor.RunAsync(request, async who => ApiResult.Ok(await review.PreviewAsync(classId, who)));

    /// <summary><c>POST /api/classes/{classId}/publish</c>.</summary>
    public Task<ApiResult> PublishAsync(HttpRequest request, string classId) =>
        instructor.RunAsync(request, async who => ApiResult.Ok(await review.PublishAsync(classId, who)));

    /// <summary><c>DELETE /api/classes/{classId}/exercises/{exerciseId}</c>.</summary>
    public Task<ApiResult> RemoveAsync(HttpRequest request, string classId, string exerciseId) =>
        instructor.RunAsync(request, async who => ApiResult.Ok(await review.RemoveAsync(classId, exerciseId, who)));

    /// <summary><c>POST /api/classes/{classId}/exercises/{exerciseId}/regenerate</c>.</summary>
    public Task<ApiResult> RegenerateAsync(HttpRequest request, string classId, string exerciseId) => instructor.RunAsync(request, async who =>
    {
        // An empty body asks for a random seed.
        if (request.ContentLength is 0 or null && !request.Headers.ContentType.Any())
        {
            return ApiResult.Ok(await review.RegenerateAsync(classId, exerciseId, new RegenerateExerciseRequest(), who));
        }

        var (body, problem) = await RequestBody.ReadJsonAsync<RegenerateExerciseRequest>(request);
        return problem ?? ApiResult.Ok(await review.RegenerateAsync(classId, exerciseId, body!, who));
    });

    /// <summary><c>POST /api/classes/{classId}/exercises/{exerciseId}/replace</c>.</summary>
    public Task<ApiResult> ReplaceAsync(HttpRequest request, string classId, string exerciseId) => instructor.RunAsync(request, async who =>
    {
        var (body, problem) = await RequestBody.ReadJsonAsync<ReplaceCompoundRequest>(request);
        return problem ?? ApiResult.Ok(await review.ReplaceCompoundAsync(classId, exerciseId, body!, who));
    });

    /// <summary><c>PATCH /api/classes/{classId}/exercises/{exerciseId}</c>.</summary>
    public Task<ApiResult> EditAsync(HttpRequest request, string classId, string exerciseId) => instructor.RunAsync(request, async who =>
    {
        var (body, problem) = await RequestBody.ReadJsonAsync<EditExerciseRequest>(request);
        return problem ?? ApiResult.Ok(await review.EditAsync(classId, exerciseId, body!, who));
    });
}
