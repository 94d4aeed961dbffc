using MedEdu.Pipeline.Schedules;
using Microsoft.AspNetCore.Http;

namespace MedEdu.Api.Schedules;

/// <summary>The refresh-schedule routes (instructor key), shared by both hosts.</summary>
public sealed class ScheduleHandlers(ScheduleService schedules, InstructorGuard instructor)
{
    /// <summary><c>POST /api/datasets/{id}/schedules</c>: body <c>{"cron": "0 0 3 * * MON"}</c>.</summary>
    public Task<ApiResult> CreateAsync(HttpRequest request, string id) => Guarded(request, async () =>
    {
        var (body, problem) = await RequestBody.ReadJsonAsync<CreateScheduleRequest>(request);
        return problem ?? ApiResult.Ok(await schedules.CreateAsync(id, body!, request.HttpContext.RequestAborted), StatusCodes.Status201Created);
    });

    /// <summary><c>GET /api/datasets/{id}/schedules</c>.</summary>
    public Task<ApiResult> ListAsync(HttpRequest request, string id) =>
        Guarded(request, async () => ApiResult.Ok(await schedules.ListAsync(id, request.HttpContext.RequestAborted)));

    /// <summary><c>POST /api/datasets/{id}/schedules/{scheduleId}/pause</c>.</summary>
    public Task<ApiResult> PauseAsync(HttpRequest request, string id, string scheduleId) =>
        Guarded(request, async () => ApiResult.Ok(await schedules.SetPausedAsync(id, scheduleId, true, request.HttpContext.RequestAborted)));

    /// <summary><c>POST /api/datasets/{id}/schedules/{scheduleId}/resume</c>.</summary>
    public Task<ApiResult> ResumeAsync(HttpRequest request, string id, string scheduleId) =>
        Guarded(request, async () => ApiResult.Ok(await schedules.SetPausedAsync(id, scheduleId, false, request.HttpContext.RequestAborted)));

    /// <summary><c>DELETE /api/datasets/{id}/schedules/{scheduleId}</c>.</summary>
    public Task<ApiResult> DeleteAsync(HttpRequest request, string id, string scheduleId) => Guarded(request, async () =>
    {
        await schedules.DeleteAsync(id, scheduleId, request.HttpContext.RequestAborted);
        return ApiResult.Ok(new ScheduleDeleted(scheduleId));
    });

    private async Task<ApiResult> Guarded(HttpRequest request, Func<Task<ApiResult>> action)
    {
        if (instructor.Check(request) is { } denied)
        {
            return denied;
        }

        try
        {
            return await action();
        }
        catch (ScheduleException e)
        {
            return DomainErrors.Problem(e);
        }
    }
}
