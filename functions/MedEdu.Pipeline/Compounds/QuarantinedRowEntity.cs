using Azure;
using Azure.Data.Tables;
using MedEdu.Pipeline.Datasets;

namespace MedEdu.Pipeline.Compounds;

/// <summary>A raw row that ingestion refused, with the reason, so nothing is silently lost.</summary>
public sealed class QuarantinedRowEntity : ITableEntity
{
    /// <summary>Longest raw text kept per row (Table properties are limited to 64 KiB).</summary>
    public const int MaxRawLength = 2000;

    /// <summary>Partition: the <see cref="DatasetVersionKey.PartitionKey"/>.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>Row key: the data row number, zero-padded.</summary>
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int RowNumber { get; set; }
    public int Line { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>The row as found (invalid UTF-8 replaced), truncated to <see cref="MaxRawLength"/>.</summary>
    public string Raw { get; set; } = "";
}
