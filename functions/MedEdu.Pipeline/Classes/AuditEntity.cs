using Azure;
using Azure.Data.Tables;

namespace MedEdu.Pipeline.Classes;

/// <summary>
/// One audited action on a class (deletion by an instructor, or by the retention timer): who, when,
/// which class and how much was erased. Never any student's data: not their names, ids or answers.
/// </summary>
public sealed class AuditEntity : ITableEntity
{
    /// <summary>Partition of class actions.</summary>
    public const string ClassPartition = "classes";

    /// <inheritdoc />
    public string PartitionKey { get; set; } = ClassPartition;

    /// <summary>Newest first: inverted ticks, then a random suffix.</summary>
    public string RowKey { get; set; } = "";

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>What was done: "class deleted" or "class deleted by retention".</summary>
    public string Action { get; set; } = "";

    /// <summary>The class acted on.</summary>
    public string ClassId { get; set; } = "";

    /// <summary>The instructor's id (or "retention").</summary>
    public string ActorId { get; set; } = "";

    /// <summary>The instructor's display name.</summary>
    public string ActorName { get; set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Counts of what was erased, e.g. "12 submissions, 3 students, 4 exercises".</summary>
    public string Detail { get; set; } = "";
}
