using Azure;
using Azure.Data.Tables;

namespace MedEdu.Pipeline.Uploads;

/// <summary>An upload ticket: the blob an instructor may write once, until it expires or is used by a registration.</summary>
public sealed class UploadEntity : ITableEntity
{
    /// <summary>All tickets share one partition.</summary>
    public const string Partition = "upload";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The file name the instructor gave (shown back, never used as a path).</summary>
    public string? FileName { get; set; }

    /// <summary>When the ticket was issued.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the write-only URL stops working and the id is refused.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The dataset registered from it; a used id is refused.</summary>
    public string? UsedBy { get; set; }
}
