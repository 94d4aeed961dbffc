namespace MedEdu.Pipeline.Storage;

/// <summary>Names of the tables and blob containers MedEdu owns, in one place.</summary>
public static class TableNames
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
}
