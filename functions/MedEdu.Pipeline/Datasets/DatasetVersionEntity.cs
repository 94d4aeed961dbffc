using Azure;
using Azure.Data.Tables;

namespace MedEdu.Pipeline.Datasets;

/// <summary>One ingestion of a dataset: its state, raw file and counts.</summary>
public sealed class DatasetVersionEntity : ITableEntity
{
    /// <summary>Partition: the dataset id.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>Row key: the version number, zero-padded so versions sort.</summary>
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Version { get; set; }
    public string Status { get; set; } = DatasetVersionStatus.Ingesting;
    public string InstanceId { get; set; } = "";
    public string? ContentHash { get; set; }
    public string? RawBlob { get; set; }
    public int TotalRows { get; set; }
    public int Stored { get; set; }
    public int Quarantined { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Row key for a version number.</summary>
    public static string RowKeyOf(int version) => version.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>States a dataset version goes through.</summary>
public static class DatasetVersionStatus
{
    public const string Ingesting = "Ingesting";
    public const string Ready = "Ready";
    public const string Failed = "Failed";

    /// <summary>A refresh found the same content as the served version and did no work.</summary>
    public const string Unchanged = "Unchanged";
}
