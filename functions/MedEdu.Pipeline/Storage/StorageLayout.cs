namespace MedEdu.Pipeline.Storage;

/// <summary>
/// Every table and blob container MedEdu owns, named in one place: the repositories take their
/// names from here, and the Bicep tests read it.
/// </summary>
public static class StorageLayout
{
    /// <summary>One entity per registered dataset.</summary>
    public const string Datasets = "Datasets";

    /// <summary>One entity per dataset version (partition: dataset id).</summary>
    public const string DatasetVersions = "DatasetVersions";

    /// <summary>One entity per stored compound (partition: dataset version key).</summary>
    public const string Compounds = "Compounds";

    /// <summary>One entity per rejected row with its reason (partition: dataset version key).</summary>
    public const string Quarantine = "Quarantine";

    /// <summary>One entity per trained model (partition: dataset id).</summary>
    public const string Models = "Models";

    /// <summary>One entity per compound prediction (partition: dataset version key).</summary>
    public const string Predictions = "Predictions";

    /// <summary>One entity per refresh schedule (partition: dataset id).</summary>
    public const string Schedules = "Schedules";

    /// <summary>One entity per upload ticket (valet key), by its id.</summary>
    public const string Uploads = "Uploads";

    /// <summary>One entity per class, with its join code (partition: a constant).</summary>
    public const string Classes = "Classes";

    /// <summary>One entity per exercise of a class (partition: class id).</summary>
    public const string Exercises = "Exercises";

    /// <summary>One entity per student of a class: pseudonymous id, display name, token hash (partition: class id).</summary>
    public const string Students = "Students";

    /// <summary>One entity per submission (partition: class id).</summary>
    public const string Submissions = "Submissions";

    /// <summary>The student model of each class: abilities per student and skill, template difficulties, instructors' overrides (partition: class id).</summary>
    public const string StudentModels = "StudentModels";

    /// <summary>One entity per audited action (deletions, retention).</summary>
    public const string Audit = "Audit";

    /// <summary>Every table above.</summary>
    public static IReadOnlyList<string> Tables { get; } =
        [Datasets, DatasetVersions, Compounds, Quarantine, Models, Predictions, Schedules, Uploads, Classes, Exercises, Students, Submissions, StudentModels, Audit];

    /// <summary>Blob container instructors' files are uploaded into, one blob per upload id.</summary>
    public const string UploadContainer = "uploads";

    /// <summary>Blob container for screening stores.</summary>
    public const string StoreContainer = Compute.Screening.Remote.StoreBlobs.Container;

    /// <summary>Blob container for trained model zips.</summary>
    public const string ModelContainer = "models";

    /// <summary>Blob container for cached SVG drawings, named by the hash of structure and drawing options.</summary>
    public const string DepictionContainer = "depictions";

    /// <summary>Blob container for raw downloaded files, named by content hash.</summary>
    public const string RawContainer = "raw-datasets";

    /// <summary>Blob container for a version's compounds as Parquet files.</summary>
    public const string CompoundContainer = "compounds";

    /// <summary>Blob container for a version's predictions as Parquet files.</summary>
    public const string PredictionContainer = "predictions";

    /// <summary>Blob container for discovery campaigns' setups (libraries too large for a table row).</summary>
    public const string CampaignContainer = "campaigns";

    /// <summary>Every container above.</summary>
    public static IReadOnlyList<string> Containers { get; } =
        [UploadContainer, StoreContainer, ModelContainer, DepictionContainer, RawContainer, CompoundContainer, PredictionContainer, CampaignContainer];
}
