using Azure.Data.Tables;

namespace MedEdu.Pipeline.Storage;

/// <summary>Upserts entities in Table transactions of up to 100 per partition, the service's limit.</summary>
public static class TableBatchWriter
{
    private const int MaxBatch = 100;

    /// <summary>Upserts (replace) every entity; safe to repeat, which makes the activities idempotent.</summary>
    public static async Task UpsertAllAsync<T>(TableClient table, IEnumerable<T> entities, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        foreach (var partition in entities.GroupBy(e => e.PartitionKey))
        {
            foreach (var batch in partition.Chunk(MaxBatch))
            {
                var actions = batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e));
                await table.SubmitTransactionAsync(actions, cancellationToken);
            }
        }
    }
}
