using System.Text.Json.Serialization;
using MedEdu.Pipeline.Datasets;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace MedEdu.Pipeline.Schedules;

/// <summary>Body of <c>POST /api/datasets/{id}/schedules</c>.</summary>
public sealed class CreateScheduleRequest
{
    /// <summary>NCRONTAB expression, six fields, UTC (e.g. <c>0 0 3 * * MON</c>).</summary>
    [JsonPropertyName("cron")] public string? Cron { get; init; }
}

/// <summary>The answer to a schedule's deletion.</summary>
/// <param name="Deleted">The deleted schedule's id.</param>
public sealed record ScheduleDeleted(string Deleted);

/// <summary>A schedule as the API shows it.</summary>
public sealed record ScheduleView(string Id, string DatasetId, string Cron, bool Paused, DateTimeOffset? NextRunAt, DateTimeOffset? LastRunAt, int? LastVersion, string? LastError, DateTimeOffset CreatedAt)
{
    /// <summary>Projects an entity.</summary>
    public static ScheduleView From(ScheduleEntity e) => new(e.RowKey, e.PartitionKey, e.Cron, e.Paused, e.NextRunAt, e.LastRunAt, e.LastVersion, e.LastError, e.CreatedAt);
}

/// <summary>A refresh a schedule started.</summary>
public sealed record ScheduledRefresh(string DatasetId, string ScheduleId, int Version);

/// <summary>A request about schedules that cannot be carried out, and why.</summary>
public sealed class ScheduleException(DomainError error, string message)
    : DomainException(error, message, error == DomainError.Invalid ? "Invalid schedule" : null);

/// <summary>
/// Instructors' refresh schedules: create, list, pause, resume, delete; and the timer's work —
/// start a refresh for every schedule that is due. A schedule is claimed with an ETag update
/// before its refresh starts, so two timers (two instances of the app) never both start it.
/// A host that was down fires a missed schedule once, not once per missed occurrence; an occurrence
/// that comes while the dataset's previous version is still ingesting is skipped.
/// </summary>
public sealed class ScheduleService(ScheduleRepository schedules, DatasetRepository datasets, DatasetService refresher, TimeProvider clock, ILogger<ScheduleService> logger)
{
    /// <summary>Creates a schedule for an existing dataset.</summary>
    /// <exception cref="ScheduleException">Unknown dataset (NotFound) or a bad expression (Invalid).</exception>
    public async Task<ScheduleView> CreateAsync(string datasetId, CreateScheduleRequest request, CancellationToken cancellationToken = default)
    {
        if (await datasets.FindAsync(datasetId, cancellationToken) is null)
        {
            throw new ScheduleException(DomainError.NotFound, $"no dataset with id '{datasetId}'");
        }

        var cron = CronExpression.TryParse(request.Cron, out var error) ?? throw new ScheduleException(DomainError.Invalid, error!);
        var now = clock.GetUtcNow();
        var entity = new ScheduleEntity
        {
            PartitionKey = datasetId,
            RowKey = "s" + Guid.NewGuid().ToString("N")[..10],
            Cron = cron.Text,
            NextRunAt = cron.NextAfter(now),
            CreatedAt = now,
        };
        await schedules.AddAsync(entity, cancellationToken);
        return ScheduleView.From(entity);
    }

    /// <summary>A dataset's schedules, oldest first.</summary>
    /// <exception cref="ScheduleException">Unknown dataset (NotFound).</exception>
    public async Task<List<ScheduleView>> ListAsync(string datasetId, CancellationToken cancellationToken = default)
    {
        if (await datasets.FindAsync(datasetId, cancellationToken) is null)
        {
            throw new ScheduleException(DomainError.NotFound, $"no dataset with id '{datasetId}'");
        }

        return (await schedules.ListAsync(datasetId, cancellationToken)).OrderBy(s => s.CreatedAt).Select(ScheduleView.From).ToList();
    }

    /// <summary>Pauses (or resumes) a schedule; a resumed schedule is next due at its next occurrence from now.</summary>
    /// <exception cref="ScheduleException">Unknown schedule (NotFound), or it changed under six attempts in a row (Conflict).</exception>
    public async Task<ScheduleView> SetPausedAsync(string datasetId, string scheduleId, bool paused, CancellationToken cancellationToken = default)
    {
        for (int attempt = 0; ; attempt++)
        {
            var entity = await schedules.FindAsync(datasetId, scheduleId, cancellationToken)
                ?? throw new ScheduleException(DomainError.NotFound, $"dataset '{datasetId}' has no schedule '{scheduleId}'");
            entity.Paused = paused;
            if (!paused)
            {
                entity.NextRunAt = CronExpression.TryParse(entity.Cron, out _)!.NextAfter(clock.GetUtcNow());
            }

            if (await schedules.TryUpdateAsync(entity, cancellationToken))
            {
                return ScheduleView.From(entity);
            }

            if (attempt == 5)
            {
                // Never report a pause that was not stored.
                throw new ScheduleException(DomainError.Conflict, $"schedule '{scheduleId}' kept changing while it was being {(paused ? "paused" : "resumed")}; try again");
            }
        }
    }

    /// <summary>Deletes a schedule.</summary>
    /// <exception cref="ScheduleException">Unknown schedule (NotFound).</exception>
    public async Task DeleteAsync(string datasetId, string scheduleId, CancellationToken cancellationToken = default)
    {
        if (!await schedules.DeleteAsync(datasetId, scheduleId, cancellationToken))
        {
            throw new ScheduleException(DomainError.NotFound, $"dataset '{datasetId}' has no schedule '{scheduleId}'");
        }
    }

    /// <summary>Starts a refresh for every active schedule that is due now; what the timer calls.</summary>
    public async Task<List<ScheduledRefresh>> RunDueAsync(DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var started = new List<ScheduledRefresh>();
        foreach (var schedule in await schedules.ListAsync(null, cancellationToken))
        {
            if (schedule.Paused || schedule.NextRunAt is not { } due || due > now)
            {
                continue;
            }

            schedule.LastRunAt = now;
            schedule.NextRunAt = CronExpression.TryParse(schedule.Cron, out _)?.NextAfter(now);
            if (!await schedules.TryUpdateAsync(schedule, cancellationToken))
            {
                continue; // another timer claimed it first
            }

            // Refreshes do not pile up: while the previous version is still ingesting, this occurrence is skipped.
            if (await datasets.FindAsync(schedule.PartitionKey, cancellationToken) is { } dataset
                && await datasets.FindVersionAsync(dataset.RowKey, dataset.LatestVersion, cancellationToken) is { Status: DatasetVersionStatus.Ingesting } running)
            {
                schedule.LastError = $"skipped at {now:u}: v{running.Version} was still ingesting";
                await schedules.TryUpdateAsync(schedule, cancellationToken);
                continue;
            }

            var status = await refresher.RefreshAsync(schedule.PartitionKey, client, cancellationToken);
            await RecordRunAsync(schedule, status?.LatestVersion, status is null ? $"dataset '{schedule.PartitionKey}' no longer exists" : null, cancellationToken);
            if (status is not null)
            {
                logger.LogInformation("Schedule {Schedule} ({Cron}) started {Dataset} v{Version}", schedule.RowKey, schedule.Cron, schedule.PartitionKey, status.LatestVersion);
                started.Add(new ScheduledRefresh(schedule.PartitionKey, schedule.RowKey, status.LatestVersion));
            }
        }

        return started;
    }

    /// <summary>
    /// Records the version a run started, on the schedule as it is now. Every host's timer claims
    /// due schedules, so another host may have claimed the next occurrence (and written the row)
    /// between this host's claim and this write; the row is read again and the version kept as the
    /// highest ever started, rather than the write being lost to the ETag.
    /// </summary>
    private async Task RecordRunAsync(ScheduleEntity claimed, int? version, string? error, CancellationToken cancellationToken)
    {
        var schedule = claimed;
        for (int attempt = 0; attempt < 6; attempt++)
        {
            // A later run another host recorded keeps its version and its error.
            if (version is not int v || (schedule.LastVersion ?? 0) <= v)
            {
                schedule.LastVersion = version ?? schedule.LastVersion;
                schedule.LastError = error;
            }

            if (await schedules.TryUpdateAsync(schedule, cancellationToken)
                || await schedules.FindAsync(claimed.PartitionKey, claimed.RowKey, cancellationToken) is not { } current)
            {
                return;
            }

            schedule = current;
        }

        logger.LogWarning("Schedule {Schedule} kept changing; the run that started v{Version} is not recorded on it", claimed.RowKey, version);
    }
}
