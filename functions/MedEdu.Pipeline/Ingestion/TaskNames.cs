namespace MedEdu.Pipeline.Ingestion;

/// <summary>
/// The one list of orchestration and activity names, used by the local host's registrations and
/// the Functions app's <c>[Function]</c> adapters alike, so the two can never disagree.
/// </summary>
public static class TaskNames
{
    public const string IngestDataset = nameof(IngestDatasetOrchestrator);
    public const string FeaturizeCompounds = nameof(FeaturizeCompoundsOrchestrator);
    public const string BuildVersionArtifacts = nameof(BuildVersionArtifactsOrchestrator);
    public const string FetchRawDataset = nameof(Ingestion.FetchRawDataset);
    public const string IngestCompoundChunk = nameof(Ingestion.IngestCompoundChunk);
    public const string CompleteDatasetVersion = nameof(Ingestion.CompleteDatasetVersion);
    public const string FailDatasetVersion = nameof(Ingestion.FailDatasetVersion);
    public const string TrainModels = nameof(Ingestion.TrainModels);
    public const string BuildFingerprintStore = nameof(Ingestion.BuildFingerprintStore);

    /// <summary>Instance id of the ingestion of one dataset version; deterministic so a repeated start is detected.</summary>
    public static string IngestionInstanceId(string datasetId, int version) => $"ingest-{datasetId}-v{version}";

    /// <summary>Instance id of the featurization sub-orchestration of an ingestion (where its chunk progress is).</summary>
    public static string FeaturizeInstanceId(string ingestionInstanceId) => ingestionInstanceId + "-featurize";

    /// <summary>Instance id of the store-and-train sub-orchestration of an ingestion.</summary>
    public static string ArtifactsInstanceId(string ingestionInstanceId) => ingestionInstanceId + "-artifacts";
}
