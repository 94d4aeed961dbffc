using Azure;
using Azure.Data.Tables;
using MedEdu.Pipeline.Datasets;

namespace MedEdu.Pipeline.Compounds;

/// <summary>The model's prediction for one compound, with its applicability-domain verdict.</summary>
public sealed class PredictionEntity : ITableEntity
{
    /// <summary>Partition: the <see cref="DatasetVersionKey.PartitionKey"/>.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>Row key: the compound's row key.</summary>
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string CompoundId { get; set; } = "";

    /// <summary>Predicted value (regression) or score for class 1 (classification).</summary>
    public double Predicted { get; set; }

    /// <summary>Maximum Tanimoto similarity to the training set.</summary>
    public double NearestSimilarity { get; set; }

    /// <summary>False when the model is out of its depth for this compound.</summary>
    public bool InDomain { get; set; }

    /// <summary>True when the compound was in the training set (its prediction is in-sample).</summary>
    public bool InTraining { get; set; }
}
