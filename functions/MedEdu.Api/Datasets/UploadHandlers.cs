using MedEdu.Pipeline.Uploads;
using Microsoft.AspNetCore.Http;

namespace MedEdu.Api.Datasets;

/// <summary>The upload route: instructors get a write-only URL to send a file straight to storage.</summary>
public sealed class UploadHandlers(UploadService uploads, InstructorGuard instructor)
{
    /// <summary><c>POST /api/uploads</c> (body optional: <c>{"fileName"}</c>): 201 with the id, the upload URL and when it expires.</summary>
    public async Task<ApiResult> CreateAsync(HttpRequest request)
    {
        if (instructor.Check(request) is { } denied)
        {
            return denied;
        }

        UploadRequest? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            (body, var problem) = await RequestBody.ReadJsonAsync<UploadRequest>(request);
            if (problem is not null)
            {
                return problem;
            }
        }

        var ticket = await uploads.CreateAsync(body?.FileName, request.HttpContext.RequestAborted);
        return ApiResult.Ok(ticket, StatusCodes.Status201Created);
    }
}
