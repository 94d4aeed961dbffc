using Azure;
using Azure.Data.Tables;

namespace MedEdu.Pipeline.Schedules;

/// <summary>A dataset's refresh schedule (partition: dataset id; row: schedule id).</summary>
public sealed class ScheduleEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The NCRONTAB expression.</summary>
    public string Cron { get; set; } = "";

    public bool Paused { get; set; }

    /// <summary>When the schedule is next due (UTC); null when the expression has no further occurrence.</summary>
    public DateTimeOffset? NextRunAt { get; set; }

    public DateTimeOffset? LastRunAt { get; set; }

    /// <summary>The dataset version the last run started.</summary>
    public int? LastVersion { get; set; }

    /// <summary>Why the last run could not start, or null.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
