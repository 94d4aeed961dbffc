using MedEdu.Pipeline.Compounds;
using MedEdu.Pipeline.Datasets;
using MedEdu.Pipeline.Ingestion;

namespace MedEdu.Pipeline.Datasets;

/// <summary>What <c>GET /api/datasets/{id}</c> returns.</summary>
public sealed record DatasetStatus(string Id, string Name, DatasetSource Source, int? ReadyVersion, int LatestVersion, List<VersionSummary> Versions, IngestionState? Ingestion,
    MedEdu.Compute.Exercises.PropertyProfile? Property = null);

/// <summary>One row of <c>GET /api/datasets</c>.</summary>
public sealed record DatasetSummary(string Id, string Name, int? ReadyVersion, int LatestVersion);

/// <summary>The latest version's orchestration: its runtime status and custom-status progress.</summary>
public sealed record IngestionState(string InstanceId, int Version, string RuntimeStatus, IngestionProgress? Progress);

/// <summary>A dataset version's state and counts.</summary>
public sealed record VersionSummary(int Version, string Status, int TotalRows, int Stored, int Quarantined, string? ContentHash, string? Error, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt)
{
    /// <summary>Projects a version entity.</summary>
    public static VersionSummary From(DatasetVersionEntity e) =>
        new(e.Version, e.Status, e.TotalRows, e.Stored, e.Quarantined, e.ContentHash, e.Error, e.StartedAt, e.CompletedAt);
}

/// <summary>A compound as served to clients.</summary>
public sealed record CompoundView(string Id, int RowNumber, string? Name, string Smiles, string CanonicalSmiles, double? Value, string DatasetId, int Version, CompoundProperties Properties)
{
    /// <summary>Projects a compound entity.</summary>
    public static CompoundView From(CompoundEntity e) => new(e.CompoundId, e.RowNumber, e.Name, e.Smiles, e.CanonicalSmiles, e.Value, e.DatasetId, e.Version,
        new CompoundProperties(e.Formula, e.MolWt, e.MolLogP, e.MolMR, e.TPSA, e.HeavyAtomCount, e.NumHDonors, e.NumHAcceptors, e.NumRotatableBonds, e.RingCount, e.NumAromaticRings, e.FractionCSP3, e.Scaffold));
}

/// <summary>RDKit-named descriptors of a compound.</summary>
public sealed record CompoundProperties(string Formula, double MolWt, double MolLogP, double MolMR, double TPSA, int HeavyAtomCount, int NumHDonors, int NumHAcceptors, int NumRotatableBonds, int RingCount, int NumAromaticRings, double FractionCSP3, string Scaffold);

/// <summary>A quarantined row as served to instructors.</summary>
public sealed record QuarantinedRowView(int RowNumber, int Line, string Reason, string Raw)
{
    /// <summary>Projects a quarantine entity.</summary>
    public static QuarantinedRowView From(QuarantinedRowEntity e) => new(e.RowNumber, e.Line, e.Reason, e.Raw);
}

/// <summary>A trained model's description and held-out metrics.</summary>
public sealed record ModelView(string DatasetId, int Version, string Task, string Kind, int TrainCount, int TestCount, double? Rmse, double? Mae, double? RSquared,
    double? RocAuc, double? PrAuc, double? Accuracy, double DomainThreshold, double TrainingSeconds, DateTimeOffset TrainedAt)
{
    /// <summary>Projects a model entity.</summary>
    public static ModelView From(ModelEntity m) => new(m.PartitionKey, m.Version, m.Task, m.Kind, m.TrainCount, m.TestCount, m.Rmse, m.Mae, m.RSquared,
        m.RocAuc, m.PrAuc, m.Accuracy, m.DomainThreshold, m.TrainingSeconds, m.TrainedAt);
}

/// <summary>A version to read, or why there is none.</summary>
public sealed record VersionLookup(DatasetVersionKey? Key, string? NotReady)
{
    /// <summary>The dataset does not exist.</summary>
    public static VersionLookup UnknownDataset { get; } = new(null, null);
}

/// <summary>One Parquet file of a version, as <c>GET /api/datasets/{id}/versions/{v}/files</c> lists it.</summary>
/// <param name="Name">File name.</param>
/// <param name="FirstRow">First data row of the raw file its chunk covers.</param>
/// <param name="LastRow">Last data row its chunk covers (null for the last file: through the end).</param>
/// <param name="Compounds">Compounds in it (the chunk's rows less the quarantined).</param>
/// <param name="Bytes">Size.</param>
/// <param name="Url">Read-only download URL, valid for an hour.</param>
public sealed record CompoundFileView(string Name, int FirstRow, int? LastRow, int Compounds, long Bytes, string Url);

/// <summary>What <c>GET /api/datasets/{id}/versions/{v}/files</c> answers.</summary>
public sealed record VersionFiles(string DatasetId, int Version, List<CompoundFileView> Files);
