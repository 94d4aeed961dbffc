using MedEdu.Pipeline.Schedules;
using Microsoft.AspNetCore.Mvc;

namespace MedEdu.Api.Schedules;

/// <summary>The refresh-schedule routes of a dataset, written once.</summary>
public static class SchedulesApi
{
    /// <summary><c>/api/datasets/{id}/schedules</c>.</summary>
    public const string Collection = "datasets/{id}/schedules";

    /// <summary><c>/api/datasets/{id}/schedules/{scheduleId}</c>.</summary>
    public const string Item = "datasets/{id}/schedules/{scheduleId}";

    /// <summary><c>/api/datasets/{id}/schedules/{scheduleId}/pause</c>.</summary>
    public const string Pause = "datasets/{id}/schedules/{scheduleId}/pause";

    /// <summary><c>/api/datasets/{id}/schedules/{scheduleId}/resume</c>.</summary>
    public const string Resume = "datasets/{id}/schedules/{scheduleId}/resume";

    /// <summary>Maps the routes on <paramref name="api"/> (the <c>/api</c> group).</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost(Collection, (HttpRequest r, [FromServices] ScheduleHandlers h, string id) => h.CreateAsync(r, id))
            .Describe("Refresh the dataset on an NCRONTAB schedule (6 fields, UTC)", ApiAccess.Instructor).Body<CreateScheduleRequest>().Answers<ScheduleView>(StatusCodes.Status201Created).Problems(404);
        api.MapGet(Collection, (HttpRequest r, [FromServices] ScheduleHandlers h, string id) => h.ListAsync(r, id))
            .Describe("The dataset's refresh schedules", ApiAccess.Instructor).Answers<List<ScheduleView>>().Problems(404);
        api.MapDelete(Item, (HttpRequest r, [FromServices] ScheduleHandlers h, string id, string scheduleId) => h.DeleteAsync(r, id, scheduleId))
            .Describe("Remove a schedule", ApiAccess.Instructor).Answers<ScheduleDeleted>().Problems(404);
        api.MapPost(Pause, (HttpRequest r, [FromServices] ScheduleHandlers h, string id, string scheduleId) => h.PauseAsync(r, id, scheduleId))
            .Describe("Pause a schedule", ApiAccess.Instructor).Answers<ScheduleView>().Problems(404);
        api.MapPost(Resume, (HttpRequest r, [FromServices] ScheduleHandlers h, string id, string scheduleId) => h.ResumeAsync(r, id, scheduleId))
            .Describe("Resume a schedule (next due at its next occurrence from now)", ApiAccess.Instructor).Answers<ScheduleView>().Problems(404);
    }
}
