using MedEdu.Api.Schedules;
using MedEdu.Pipeline;
using MedEdu.Pipeline.Schedules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MedEdu.Functions;

/// <summary>Refresh schedules: the instructor routes over <see cref="ScheduleHandlers"/> and the timer that starts due refreshes.</summary>
public sealed class ScheduleFunctions(ScheduleHandlers routes, ScheduleService schedules)
{
    /// <summary>On <see cref="HostTimers.DueSchedules"/> (every minute): start a refresh for each due schedule.</summary>
    [Function("RunDueSchedules")]
    public async Task RunDue([TimerTrigger(HostTimers.DueSchedules)] TimerInfo timer, [DurableClient] DurableTaskClient client) =>
        await schedules.RunDueAsync(client);

    /// <summary><c>POST /api/datasets/{id}/schedules</c>.</summary>
    [Function("CreateSchedule")]
    public async Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SchedulesApi.Collection)] HttpRequest request, string id) => await routes.CreateAsync(request, id);

    /// <summary><c>GET /api/datasets/{id}/schedules</c>.</summary>
    [Function("ListSchedules")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SchedulesApi.Collection)] HttpRequest request, string id) => await routes.ListAsync(request, id);

    /// <summary><c>DELETE /api/datasets/{id}/schedules/{scheduleId}</c>.</summary>
    [Function("DeleteSchedule")]
    public async Task<IActionResult> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = SchedulesApi.Item)] HttpRequest request, string id, string scheduleId) =>
        await routes.DeleteAsync(request, id, scheduleId);

    /// <summary><c>POST /api/datasets/{id}/schedules/{scheduleId}/pause</c>.</summary>
    [Function("PauseSchedule")]
    public async Task<IActionResult> Pause(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SchedulesApi.Pause)] HttpRequest request, string id, string scheduleId) =>
        await routes.PauseAsync(request, id, scheduleId);

    /// <summary><c>POST /api/datasets/{id}/schedules/{scheduleId}/resume</c>.</summary>
    [Function("ResumeSchedule")]
    public async Task<IActionResult> Resume(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SchedulesApi.Resume)] HttpRequest request, string id, string scheduleId) =>
        await routes.ResumeAsync(request, id, scheduleId);
}
