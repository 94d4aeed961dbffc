using Azure;
using Azure.Data.Tables;

namespace MedEdu.Pipeline.Tutoring;

/// <summary>
/// One estimate of a class's student model (partition: class id): a student's ability in a skill
/// (row <c>ability|{studentId}|{skillId}</c>, the pseudonymous id only) or a template's difficulty
/// (row <c>difficulty|{templateKey}</c>).
/// </summary>
public sealed class StudentModelEntity : ITableEntity
{
    /// <summary>Row prefix of abilities.</summary>
    public const string AbilityPrefix = "ability|";

    /// <summary>Row prefix of difficulties.</summary>
    public const string DifficultyPrefix = "difficulty|";

    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";

    /// <inheritdoc />
    public string RowKey { get; set; } = "";

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The estimate (logit scale).</summary>
    public double Mean { get; set; }

    /// <summary>Its variance.</summary>
    public double Variance { get; set; }

    /// <summary>Scored answers behind it.</summary>
    public int Answers { get; set; }
}
