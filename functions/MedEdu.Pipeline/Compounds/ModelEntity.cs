using Azure;
using Azure.Data.Tables;

namespace MedEdu.Pipeline.Compounds;

/// <summary>The model trained on one dataset version: where it is, how it was trained, how good it is.</summary>
public sealed class ModelEntity : ITableEntity
{
    /// <summary>Partition: the dataset id.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>Row key: the dataset version, zero-padded.</summary>
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Version { get; set; }
    public string Task { get; set; } = "";
    public string Kind { get; set; } = "";
    public string BlobName { get; set; } = "";
    public int TrainCount { get; set; }
    public int TestCount { get; set; }
    public double? Rmse { get; set; }
    public double? Mae { get; set; }
    public double? RSquared { get; set; }
    public double? RocAuc { get; set; }
    public double? PrAuc { get; set; }
    public double? Accuracy { get; set; }

    /// <summary>Applicability-domain threshold (max Tanimoto to the training set).</summary>
    public double DomainThreshold { get; set; }
    public double TrainingSeconds { get; set; }
    public int Seed { get; set; }
    public DateTimeOffset TrainedAt { get; set; }
}
