using Microsoft.DurableTask;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>
/// Sub-orchestration of an ingestion, once every compound is stored: packs the version's
/// fingerprints into the screening store, then trains its model. One after the other, so an
/// instance holds the store or the training sample, not both (a million compounds' store is
/// about 350 MB); the store takes seconds beside the training.
/// </summary>
public sealed class BuildVersionArtifactsOrchestrator : TaskOrchestrator<TrainModelsInput, VersionArtifacts>
{
    /// <inheritdoc />
    public override async Task<VersionArtifacts> RunAsync(TaskOrchestrationContext context, TrainModelsInput input)
    {
        int store = await context.CallActivityAsync<int>(TaskNames.BuildFingerprintStore, input, IngestionRetry.Activity);
        var model = await context.CallActivityAsync<TrainModelsOutcome>(TaskNames.TrainModels, input, IngestionRetry.Activity);
        return new VersionArtifacts(store, model);
    }
}
