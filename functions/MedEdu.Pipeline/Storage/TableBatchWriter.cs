using Azure.Data.Tables;

namespace MedEdu.Pipeline.Storage;

/// <summary>Writes entities in Table transactions of up to 100 per partition, the service's limit, a few transactions at a time.</summary>
public static class TableBatchWriter
{
    private const int MaxBatch = 100;

    /// <summary>Transactions in flight at once: each is a round trip, and they touch disjoint rows.</summary>
    private const int Concurrency = 4;

    /// <summary>Upserts (replace) every entity; safe to repeat, which makes the activities idempotent.</summary>
    public static Task UpsertAllAsync<T>(TableClient table, IEnumerable<T> entities, CancellationToken cancellationToken = default)
        where T : class, ITableEntity =>
        SubmitAllAsync(table, entities, e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e), cancellationToken);

    /// <summary>Deletes every entity (whatever its ETag); safe to repeat while they are the same rows.</summary>
    public static Task DeleteAllAsync<T>(TableClient table, IEnumerable<T> entities, CancellationToken cancellationToken = default)
        where T : class, ITableEntity =>
        SubmitAllAsync(table, entities, e => new TableTransactionAction(TableTransactionActionType.Delete, e, Azure.ETag.All), cancellationToken);

    private static async Task SubmitAllAsync<T>(TableClient table, IEnumerable<T> entities, Func<T, TableTransactionAction> action, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var batches = entities.GroupBy(e => e.PartitionKey).SelectMany(partition => partition.Chunk(MaxBatch));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (batch, ct) =>
            await table.SubmitTransactionAsync(batch.Select(action), ct));
    }
}
