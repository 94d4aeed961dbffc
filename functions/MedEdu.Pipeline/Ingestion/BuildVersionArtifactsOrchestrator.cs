using Microsoft.DurableTask;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>
/// Sub-orchestration of an ingestion, once every compound is stored: packs the version's
/// fingerprints into the screening store and trains its model, in parallel (both read the stored
/// compounds; neither needs the other).
/// </summary>
public sealed class BuildVersionArtifactsOrchestrator : TaskOrchestrator<TrainModelsInput, VersionArtifacts>
{
    /// <inheritdoc />
    public override async Task<VersionArtifacts> RunAsync(TaskOrchestrationContext context, TrainModelsInput input)
    {
        var store = context.CallActivityAsync<int>(TaskNames.BuildFingerprintStore, input, IngestionRetry.Activity);
        var model = context.CallActivityAsync<TrainModelsOutcome>(TaskNames.TrainModels, input, IngestionRetry.Activity);
        await Task.WhenAll(store, model);
        return new VersionArtifacts(await store, await model);
    }
}
