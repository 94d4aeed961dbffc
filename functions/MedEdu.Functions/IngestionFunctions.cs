using MedEdu.Pipeline.Ingestion;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace MedEdu.Functions;

/// <summary>
/// Durable Functions adapters: each runs the shared orchestrator or activity class of
/// MedEdu.Pipeline under the same name the local host registers (<see cref="TaskNames"/>).
/// </summary>
public sealed class IngestionFunctions(
    FetchRawDataset fetchRawDataset,
    IngestCompoundChunk ingestCompoundChunk,
    CompleteDatasetVersion completeDatasetVersion,
    FailDatasetVersion failDatasetVersion,
    TrainModels trainModels,
    BuildFingerprintStore buildFingerprintStore)
{
    /// <summary>The ingestion orchestration.</summary>
    [Function(TaskNames.IngestDataset)]
    public static Task<IngestDatasetResult> IngestDataset([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new IngestDatasetOrchestrator().RunAsync(context, context.GetInput<IngestDatasetInput>()!);

    /// <summary>The fan-out/fan-in over row chunks.</summary>
    [Function(TaskNames.FeaturizeCompounds)]
    public static Task<FeaturizeCompoundsOutcome> FeaturizeCompounds([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new FeaturizeCompoundsOrchestrator().RunAsync(context, context.GetInput<FeaturizeCompoundsInput>()!);

    /// <summary>Screening store and model of a version.</summary>
    [Function(TaskNames.BuildVersionArtifacts)]
    public static Task<VersionArtifacts> BuildVersionArtifacts([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new BuildVersionArtifactsOrchestrator().RunAsync(context, context.GetInput<TrainModelsInput>()!);

    /// <summary>Downloads the source to Blob and plans the chunks.</summary>
    [Function(TaskNames.FetchRawDataset)]
    public Task<RawDatasetManifest> FetchRawDataset([ActivityTrigger] IngestDatasetInput input, FunctionContext context) =>
        fetchRawDataset.RunAsync(Activity(TaskNames.FetchRawDataset, context), input);

    /// <summary>Parses, validates and stores one chunk of rows.</summary>
    [Function(TaskNames.IngestCompoundChunk)]
    public Task<ChunkOutcome> IngestCompoundChunk([ActivityTrigger] IngestChunkInput input, FunctionContext context) =>
        ingestCompoundChunk.RunAsync(Activity(TaskNames.IngestCompoundChunk, context), input);

    /// <summary>Marks a version ready and serves it.</summary>
    [Function(TaskNames.CompleteDatasetVersion)]
    public Task<bool> CompleteDatasetVersion([ActivityTrigger] CompleteVersionInput input, FunctionContext context) =>
        completeDatasetVersion.RunAsync(Activity(TaskNames.CompleteDatasetVersion, context), input);

    /// <summary>Marks a version failed.</summary>
    [Function(TaskNames.FailDatasetVersion)]
    public Task<bool> FailDatasetVersion([ActivityTrigger] CompleteVersionInput input, FunctionContext context) =>
        failDatasetVersion.RunAsync(Activity(TaskNames.FailDatasetVersion, context), input);

    /// <summary>Trains the version's model and stores its predictions.</summary>
    [Function(TaskNames.TrainModels)]
    public Task<TrainModelsOutcome> TrainModels([ActivityTrigger] TrainModelsInput input, FunctionContext context) =>
        trainModels.RunAsync(Activity(TaskNames.TrainModels, context), input);

    /// <summary>Packs the version's screening store into Blob.</summary>
    [Function(TaskNames.BuildFingerprintStore)]
    public Task<int> BuildFingerprintStore([ActivityTrigger] TrainModelsInput input, FunctionContext context) =>
        buildFingerprintStore.RunAsync(Activity(TaskNames.BuildFingerprintStore, context), input);

    private static FunctionActivityContext Activity(string name, FunctionContext context) =>
        new(name, context.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? "" : "");
}
