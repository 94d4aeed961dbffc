using Azure.Data.Tables;
using MedEdu.Pipeline.Datasets;
using MedEdu.Pipeline.Storage;

namespace MedEdu.Pipeline.Compounds;

/// <summary>
/// Stores compounds (one Parquet file per ingested chunk, <see cref="CompoundFiles"/>) and
/// quarantined rows (Table) of dataset versions. Versions ingested before compounds went to
/// Parquet have theirs in Table, where they are still read from.
/// </summary>
public sealed class CompoundRepository(TableProvider tables, CompoundFiles files)
{
    /// <summary>Writes a chunk's compounds; repeating the call with the same rows leaves the same file.</summary>
    public Task WriteChunkAsync(DatasetVersionKey version, int firstRow, IReadOnlyCollection<CompoundEntity> compounds, CancellationToken cancellationToken = default) =>
        compounds.Count == 0 ? Task.CompletedTask : files.WriteAsync(version, firstRow, [.. compounds.Select(CompoundRecord.From)], cancellationToken);

    /// <summary>Upserts quarantined rows; repeating the call changes nothing.</summary>
    public async Task QuarantineAsync(IReadOnlyCollection<QuarantinedRowEntity> rows, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(StorageLayout.Quarantine);
        await TableBatchWriter.UpsertAllAsync(table, rows, cancellationToken);
    }

    /// <summary>Compounds of a version in row order, skipping <paramref name="skip"/> and returning at most <paramref name="take"/>.</summary>
    public async Task<List<CompoundEntity>> PageAsync(DatasetVersionKey version, int skip, int take, CancellationToken cancellationToken = default)
    {
        var parts = await files.ListAsync(version, cancellationToken);
        if (parts.Count == 0)
        {
            var table = await tables.GetAsync(StorageLayout.Compounds);
            return await PageAsync<CompoundEntity>(table, version, skip, take, cancellationToken);
        }

        // Each file's count is in the listing: only the files the page overlaps are read.
        var page = new List<CompoundEntity>(Math.Min(take, 1000));
        int before = 0;
        foreach (var file in parts)
        {
            if (page.Count >= take)
            {
                break;
            }

            if (before + file.Count > skip)
            {
                var rows = await files.ReadAsync(file, cancellationToken);
                page.AddRange(rows.Skip(Math.Max(0, skip - before)).Take(take - page.Count).Select(r => r.To(version)));
            }

            before += file.Count;
        }

        return page;
    }

    /// <summary>Quarantined rows of a version in row order.</summary>
    public async Task<List<QuarantinedRowEntity>> QuarantinedAsync(DatasetVersionKey version, int skip, int take, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(StorageLayout.Quarantine);
        return await PageAsync<QuarantinedRowEntity>(table, version, skip, take, cancellationToken);
    }

    /// <summary>One compound of a version by its data row, or null.</summary>
    public async Task<CompoundEntity?> FindAsync(DatasetVersionKey version, int rowNumber, CancellationToken cancellationToken = default)
    {
        var parts = await files.ListAsync(version, cancellationToken);
        if (parts.Count > 0)
        {
            var file = parts.LastOrDefault(f => f.FirstRow <= rowNumber);
            return file is null ? null : (await files.ReadAsync(file, cancellationToken)).FirstOrDefault(c => c.RowNumber == rowNumber)?.To(version);
        }

        var table = await tables.GetAsync(StorageLayout.Compounds);
        var found = await table.GetEntityIfExistsAsync<CompoundEntity>(version.PartitionKey, CompoundEntity.RowKeyOf(rowNumber), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>
    /// The version's compounds one stored chunk at a time, with the chunk's first data row, so a
    /// pass over a large version holds one chunk (a Table-stored version is one chunk).
    /// </summary>
    public async IAsyncEnumerable<(int FirstRow, IReadOnlyList<CompoundEntity> Compounds)> ChunksAsync(DatasetVersionKey version, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var parts = await files.ListAsync(version, cancellationToken);
        if (parts.Count == 0)
        {
            yield return (1, await AllAsync(version, cancellationToken));
            yield break;
        }

        foreach (var file in parts)
        {
            yield return (file.FirstRow, [.. (await files.ReadAsync(file, cancellationToken)).Select(r => r.To(version))]);
        }
    }

    /// <summary>
    /// At most <paramref name="max"/> compounds of the version: all of them when it has no more,
    /// else whole chunks picked with <paramref name="seed"/> (a class's pool from a million-compound
    /// version), with the first rows of the chunks picked.
    /// </summary>
    public async Task<(List<CompoundEntity> Compounds, HashSet<int>? FirstRows)> SampleAsync(DatasetVersionKey version, int max, int seed, CancellationToken cancellationToken = default)
    {
        var parts = await files.ListAsync(version, cancellationToken);
        if (parts.Count == 0 || parts.Sum(f => f.Count) <= max)
        {
            return (await AllAsync(version, cancellationToken), null);
        }

        var order = parts.ToArray();
        new Random(seed).Shuffle(order);
        var picked = new List<CompoundFile>();
        int total = 0;
        foreach (var file in order)
        {
            if (total + file.Count > max && picked.Count > 0)
            {
                break;
            }

            picked.Add(file);
            total += file.Count;
        }

        var compounds = new List<CompoundEntity>();
        foreach (var file in picked.OrderBy(f => f.FirstRow))
        {
            compounds.AddRange((await files.ReadAsync(file, cancellationToken)).Select(r => r.To(version)));
        }

        return (compounds, [.. picked.Select(f => f.FirstRow)]);
    }

    /// <summary>Every compound of a version, in row order.</summary>
    public Task<List<CompoundEntity>> AllAsync(DatasetVersionKey version, CancellationToken cancellationToken = default) =>
        PageAsync(version, 0, int.MaxValue, cancellationToken);

    /// <summary>Counts stored compounds and quarantined rows of a version by scanning their keys.</summary>
    public async Task<(int Stored, int Quarantined)> CountAsync(DatasetVersionKey version, CancellationToken cancellationToken = default)
    {
        var parts = await files.ListAsync(version, cancellationToken);
        var compounds = parts.Count > 0 ? parts.Sum(f => f.Count) : await CountKeysAsync(await tables.GetAsync(StorageLayout.Compounds), version, cancellationToken);
        var quarantined = await CountKeysAsync(await tables.GetAsync(StorageLayout.Quarantine), version, cancellationToken);
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
