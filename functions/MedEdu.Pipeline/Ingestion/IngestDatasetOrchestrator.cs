using MedEdu.Pipeline.Datasets;
using Microsoft.DurableTask;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>
/// Ingests one version of a dataset: fetch the raw file into Blob; the <c>FeaturizeCompounds</c>
/// sub-orchestration fans the row chunks out and back in; the <c>BuildVersionArtifacts</c>
/// sub-orchestration builds the screening store and trains the model; then the version is marked
/// ready. Custom status reports the phase and counts. A failure marks the version failed and leaves
/// the served version as it was.
/// </summary>
public sealed class IngestDatasetOrchestrator : TaskOrchestrator<IngestDatasetInput, IngestDatasetResult>
{
    /// <inheritdoc />
    public override async Task<IngestDatasetResult> RunAsync(TaskOrchestrationContext context, IngestDatasetInput input)
    {
        context.SetCustomStatus(new IngestionProgress("downloading", 0, 0, 0, 0, 0, 0));
        RawDatasetManifest? manifest = null;
        int stored = 0, quarantined = 0;
        try
        {
            manifest = await context.CallActivityAsync<RawDatasetManifest>(TaskNames.FetchRawDataset, input, IngestionRetry.Activity);
            if (manifest.Error is not null)
            {
                return await FailAsync(context, input, manifest, 0, 0, manifest.Error);
            }

            if (manifest.Unchanged)
            {
                // Same bytes as the served version: record "no change" and do no work.
                await context.CallActivityAsync<bool>(
                    TaskNames.CompleteDatasetVersion,
                    new CompleteVersionInput(input.DatasetId, input.Version, manifest.ContentHash, manifest.BlobName, 0, 0, 0, null, Unchanged: true),
                    IngestionRetry.Activity);
                context.SetCustomStatus(new IngestionProgress("unchanged", 0, 0, 0, 0, 0, 100));
                return new IngestDatasetResult(input.DatasetId, input.Version, DatasetVersionStatus.Unchanged, 0, 0, 0, null);
            }

            IngestionProgress.Report(context, "ingesting", manifest, 0, 0, 0);
            var featurized = await context.CallSubOrchestratorAsync<FeaturizeCompoundsOutcome>(
                TaskNames.FeaturizeCompounds, new FeaturizeCompoundsInput(input, manifest),
                IngestionRetry.SubOrchestration(TaskNames.FeaturizeInstanceId(context.InstanceId)));
            (stored, quarantined) = (featurized.Stored, featurized.Quarantined);

            IngestionProgress.Report(context, "training", manifest, featurized.ChunksDone, stored, quarantined);
            await context.CallSubOrchestratorAsync<VersionArtifacts>(
                TaskNames.BuildVersionArtifacts, new TrainModelsInput(input.DatasetId, input.Version),
                IngestionRetry.SubOrchestration(TaskNames.ArtifactsInstanceId(context.InstanceId)));

            IngestionProgress.Report(context, "finishing", manifest, featurized.ChunksDone, stored, quarantined);
            await context.CallActivityAsync<bool>(
                TaskNames.CompleteDatasetVersion,
                new CompleteVersionInput(input.DatasetId, input.Version, manifest.ContentHash, manifest.BlobName, manifest.TotalRows, stored, quarantined, null),
                IngestionRetry.Activity);
            context.SetCustomStatus(new IngestionProgress("ready", featurized.ChunksDone, manifest.Chunks.Count, manifest.TotalRows, stored, quarantined, 100));
            return new IngestDatasetResult(input.DatasetId, input.Version, "Ready", manifest.TotalRows, stored, quarantined, null);
        }
        catch (TaskFailedException e)
        {
            return await FailAsync(context, input, manifest, stored, quarantined, $"{e.TaskName} failed: {e.FailureDetails.ErrorMessage}");
        }
    }

    private static async Task<IngestDatasetResult> FailAsync(TaskOrchestrationContext context, IngestDatasetInput input, RawDatasetManifest? manifest, int stored, int quarantined, string error)
    {
        int total = manifest?.TotalRows ?? 0;
        context.SetCustomStatus(new IngestionProgress("failed", 0, manifest?.Chunks.Count ?? 0, total, stored, quarantined, 0));
        await context.CallActivityAsync<bool>(
            TaskNames.FailDatasetVersion,
            new CompleteVersionInput(input.DatasetId, input.Version, manifest?.ContentHash, manifest?.BlobName, total, stored, quarantined, error),
            IngestionRetry.Activity);
        return new IngestDatasetResult(input.DatasetId, input.Version, "Failed", total, stored, quarantined, error);
    }
}
