using Azure;
using Azure.Data.Tables;

namespace MedEdu.Pipeline.Tutoring;

/// <summary>
/// An instructor's choice of a student's next exercise (partition: class id, row
/// <c>override|{studentId}</c>): it stands until the student answers that exercise, and it stays on
/// record (who, when, what) until the class is erased.
/// </summary>
public sealed class PracticeOverrideEntity : ITableEntity
{
    /// <summary>Row prefix.</summary>
    public const string Prefix = "override|";

    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";

    /// <inheritdoc />
    public string RowKey { get; set; } = "";

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The exercise the instructor chose.</summary>
    public string ExerciseId { get; set; } = "";

    /// <summary>The instructor's note to the student (may be empty).</summary>
    public string Note { get; set; } = "";

    /// <summary>The instructor's id.</summary>
    public string InstructorId { get; set; } = "";

    /// <summary>The instructor's display name.</summary>
    public string InstructorName { get; set; } = "";

    /// <summary>When it was set.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>What the model had suggested when the instructor overrode it.</summary>
    public string ModelSuggestion { get; set; } = "";
}
