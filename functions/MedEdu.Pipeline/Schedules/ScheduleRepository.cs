using Azure;
using Azure.Data.Tables;
using MedEdu.Pipeline.Storage;

namespace MedEdu.Pipeline.Schedules;

/// <summary>Reads and writes refresh schedules.</summary>
public sealed class ScheduleRepository(TableProvider tables)
{
    /// <summary>Adds a schedule.</summary>
    public async Task AddAsync(ScheduleEntity schedule, CancellationToken cancellationToken = default) =>
        await (await tables.GetAsync(StorageLayout.Schedules)).AddEntityAsync(schedule, cancellationToken);

    /// <summary>The schedule, or null.</summary>
    public async Task<ScheduleEntity?> FindAsync(string datasetId, string scheduleId, CancellationToken cancellationToken = default)
    {
        var response = await (await tables.GetAsync(StorageLayout.Schedules)).GetEntityIfExistsAsync<ScheduleEntity>(datasetId, scheduleId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>A dataset's schedules, or every schedule when <paramref name="datasetId"/> is null.</summary>
    public async Task<List<ScheduleEntity>> ListAsync(string? datasetId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(StorageLayout.Schedules);
        var query = datasetId is null
            ? table.QueryAsync<ScheduleEntity>(cancellationToken: cancellationToken)
            : table.QueryAsync<ScheduleEntity>(e => e.PartitionKey == datasetId, cancellationToken: cancellationToken);
        var result = new List<ScheduleEntity>();
        await foreach (var entity in query)
        {
            result.Add(entity);
        }

        return result;
    }

    /// <summary>Writes a schedule back; false when someone changed it since it was read (its ETag).</summary>
    public async Task<bool> TryUpdateAsync(ScheduleEntity schedule, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await (await tables.GetAsync(StorageLayout.Schedules)).UpdateEntityAsync(schedule, schedule.ETag, TableUpdateMode.Replace, cancellationToken);
            schedule.ETag = response.Headers.ETag ?? schedule.ETag; // so the caller can write it again
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Deletes a schedule; false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(string datasetId, string scheduleId, CancellationToken cancellationToken = default)
    {
        // The SDK treats deleting a missing entity as success, so look first to tell the caller.
        if (await FindAsync(datasetId, scheduleId, cancellationToken) is null)
        {
            return false;
        }

        await (await tables.GetAsync(StorageLayout.Schedules)).DeleteEntityAsync(datasetId, scheduleId, ETag.All, cancellationToken);
        return true;
    }
}
