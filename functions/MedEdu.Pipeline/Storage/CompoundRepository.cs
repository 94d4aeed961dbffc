using Azure.Data.Tables;

namespace MedEdu.Pipeline.Storage;

/// <summary>Stores compounds and quarantined rows of dataset versions.</summary>
public sealed class CompoundRepository(TableProvider tables)
{
    /// <summary>Upserts compounds; repeating the call with the same rows changes nothing.</summary>
    public async Task UpsertAsync(IReadOnlyCollection<CompoundEntity> compounds, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.Compounds);
        await TableBatchWriter.UpsertAllAsync(table, compounds, cancellationToken);
    }

    /// <summary>Upserts quarantined rows; repeating the call changes nothing.</summary>
    public async Task QuarantineAsync(IReadOnlyCollection<QuarantinedRowEntity> rows, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.Quarantine);
        await TableBatchWriter.UpsertAllAsync(table, rows, cancellationToken);
    }

    /// <summary>Compounds of a version in row order, skipping <paramref name="skip"/> and returning at most <paramref name="take"/>.</summary>
    public async Task<List<CompoundEntity>> PageAsync(DatasetVersionKey version, int skip, int take, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.Compounds);
        return await PageAsync<CompoundEntity>(table, version, skip, take, cancellationToken);
    }

    /// <summary>Quarantined rows of a version in row order.</summary>
    public async Task<List<QuarantinedRowEntity>> QuarantinedAsync(DatasetVersionKey version, int skip, int take, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.Quarantine);
        return await PageAsync<QuarantinedRowEntity>(table, version, skip, take, cancellationToken);
    }

    /// <summary>One compound of a version by its data row, or null.</summary>
    public async Task<CompoundEntity?> FindAsync(DatasetVersionKey version, int rowNumber, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.Compounds);
        var found = await table.GetEntityIfExistsAsync<CompoundEntity>(version.PartitionKey, CompoundEntity.RowKeyOf(rowNumber), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Every compound of a version, in row order.</summary>
    public Task<List<CompoundEntity>> AllAsync(DatasetVersionKey version, CancellationToken cancellationToken = default) =>
        PageAsync(version, 0, int.MaxValue, cancellationToken);

    /// <summary>Counts stored compounds and quarantined rows of a version by scanning their keys.</summary>
    public async Task<(int Stored, int Quarantined)> CountAsync(DatasetVersionKey version, CancellationToken cancellationToken = default)
    {
        var compounds = await CountKeysAsync(await tables.GetAsync(TableNames.Compounds), version, cancellationToken);
        var quarantined = await CountKeysAsync(await tables.GetAsync(TableNames.Quarantine), version, cancellationToken);
        return (compounds, quarantined);
    }

    private static async Task<List<T>> PageAsync<T>(TableClient table, DatasetVersionKey version, int skip, int take, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        // Row keys are zero-padded row numbers, so the service returns rows in order; Table storage
        // has no server-side skip, so skipped rows are read and dropped.
        var result = new List<T>(Math.Min(take, 1000));
        int seen = 0;
        string partition = version.PartitionKey;
        await foreach (var entity in table.QueryAsync<T>(e => e.PartitionKey == partition, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            if (seen++ < skip)
            {
                continue;
            }

            result.Add(entity);
            if (result.Count >= take)
            {
                break;
            }
        }

        return result;
    }

    private static async Task<int> CountKeysAsync(TableClient table, DatasetVersionKey version, CancellationToken cancellationToken)
    {
        int count = 0;
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {version.PartitionKey}");
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }
}
