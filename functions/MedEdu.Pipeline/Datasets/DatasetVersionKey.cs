namespace MedEdu.Pipeline.Datasets;

/// <summary>Identifies one immutable version of a dataset, e.g. <c>esol@1</c>.</summary>
public readonly record struct DatasetVersionKey(string DatasetId, int Version)
{
    /// <summary>The Table partition key used for this version's compounds and quarantined rows.</summary>
    public string PartitionKey => $"{DatasetId}@{Version}";

    /// <inheritdoc />
    public override string ToString() => PartitionKey;
}
