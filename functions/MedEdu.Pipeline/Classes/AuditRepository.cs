using Azure.Data.Tables;
using MedEdu.Pipeline.Storage;

namespace MedEdu.Pipeline.Classes;

/// <summary>The audit trail of class deletions (table <c>Audit</c>), newest first.</summary>
public sealed class AuditRepository(TableProvider tables)
{
    /// <summary>Table name.</summary>
    public const string Table = StorageLayout.Audit;

    /// <summary>Records an action.</summary>
    public async Task RecordAsync(string action, string classId, string actorId, string actorName, string detail, DateTimeOffset at)
    {
        var entity = new AuditEntity
        {
            RowKey = $"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}-{Guid.NewGuid():N}"[..28],
            Action = action,
            ClassId = classId,
            ActorId = actorId,
            ActorName = actorName,
            At = at,
            Detail = detail,
        };
        await (await tables.GetAsync(Table)).AddEntityAsync(entity);
    }

    /// <summary>The audited actions on <paramref name="classId"/>, newest first.</summary>
    public async Task<List<AuditEntity>> ForClassAsync(string classId)
    {
        var table = await tables.GetAsync(Table);
        var result = new List<AuditEntity>();
        await foreach (var e in table.QueryAsync<AuditEntity>(x => x.PartitionKey == AuditEntity.ClassPartition && x.ClassId == classId))
        {
            result.Add(e);
        }

        return result;
    }
}
