using Azure;
using Azure.Data.Tables;

namespace MedEdu.Pipeline.Storage;

/// <summary>One compound of one dataset version, keyed by its row so re-ingesting a chunk overwrites rather than duplicates.</summary>
public sealed class CompoundEntity : ITableEntity
{
    /// <summary>Partition: the <see cref="DatasetVersionKey.PartitionKey"/>.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>Row key: the data row number, zero-padded.</summary>
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>Stable compound id, e.g. <c>esol-000017</c>.</summary>
    public string CompoundId { get; set; } = "";
    public string DatasetId { get; set; } = "";
    public int Version { get; set; }

    /// <summary>1-based data row (the first row after the header is 1).</summary>
    public int RowNumber { get; set; }

    /// <summary>1-based line in the raw file where the row starts.</summary>
    public int Line { get; set; }
    public string? Name { get; set; }
    public string Smiles { get; set; } = "";
    public double? Value { get; set; }

    /// <summary>Row key for a data row number.</summary>
    public static string RowKeyOf(int rowNumber) => rowNumber.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Compound id for a row of a dataset.</summary>
    public static string IdOf(string datasetId, int rowNumber) => $"{datasetId}-{rowNumber:D6}";
}
