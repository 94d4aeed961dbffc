using Azure;
using Azure.Data.Tables;

namespace MedEdu.Pipeline.Datasets;

/// <summary>A registered dataset: its source, column mapping and which version is served.</summary>
public sealed class DatasetEntity : ITableEntity
{
    /// <summary>All datasets share one partition; there are few of them.</summary>
    public const string Partition = "dataset";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string? Bundled { get; set; }
    public string? Url { get; set; }

    /// <summary>The whole <see cref="Datasets.DatasetSource"/> as JSON (web-service queries included); the columns above stay for reading.</summary>
    public string? SourceJson { get; set; }
    /// <summary>The value's <see cref="Compute.Exercises.PropertyProfile"/> as JSON; null for datasets registered before it existed (the source's defaults apply).</summary>
    public string? PropertyJson { get; set; }
    public string SmilesColumn { get; set; } = "";
    public string? NameColumn { get; set; }
    public string? ValueColumn { get; set; }

    /// <summary>Highest version ever started.</summary>
    public int LatestVersion { get; set; }

    /// <summary>Version served to readers; 0 until the first version is ready.</summary>
    public int ReadyVersion { get; set; }

    /// <summary>SHA-256 of the served version's raw file, written with <see cref="ReadyVersion"/> so a refresh compares against exactly what is served.</summary>
    public string? ReadyContentHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Rows per ingestion activity.</summary>
    public int ChunkSize { get; set; }
}
