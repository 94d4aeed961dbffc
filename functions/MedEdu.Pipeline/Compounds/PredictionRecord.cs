using MedEdu.Pipeline.Datasets;

namespace MedEdu.Pipeline.Compounds;

/// <summary>The model's prediction for one compound as a row of a version's prediction files.</summary>
public sealed class PredictionRecord
{
    public string CompoundId { get; set; } = "";
    public int RowNumber { get; set; }

    /// <summary>Predicted value (regression) or score for class 1 (classification).</summary>
    public double Predicted { get; set; }

    /// <summary>Maximum Tanimoto similarity to the model's reference set of training compounds.</summary>
    public double NearestSimilarity { get; set; }

    /// <summary>False when the model is out of its depth for this compound.</summary>
    public bool InDomain { get; set; }

    /// <summary>True when the compound was in the training set (its prediction is in-sample).</summary>
    public bool InTraining { get; set; }

    /// <summary>The prediction as the class service reads it.</summary>
    public PredictionEntity To(DatasetVersionKey key) => new()
    {
        PartitionKey = key.PartitionKey,
        RowKey = CompoundEntity.RowKeyOf(RowNumber),
        CompoundId = CompoundId,
        Predicted = Predicted,
        NearestSimilarity = NearestSimilarity,
        InDomain = InDomain,
        InTraining = InTraining,
    };
}
