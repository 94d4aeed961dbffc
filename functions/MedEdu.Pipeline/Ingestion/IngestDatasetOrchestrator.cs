using MedEdu.Pipeline.Storage;
using Microsoft.DurableTask;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>
/// Ingests one version of a dataset: fetch the raw file into Blob, fan the row chunks out to
/// parallel activities (bounded), fan in the counts while reporting progress as custom status,
/// then mark the version ready. A failure marks the version failed and leaves the served version as it was.
/// </summary>
public sealed class IngestDatasetOrchestrator : TaskOrchestrator<IngestDatasetInput, IngestDatasetResult>
{
    /// <summary>Chunk activities in flight at once.</summary>
    public const int MaxParallelChunks = 8;

    private static readonly TaskOptions Retry = new(new TaskRetryOptions(new RetryPolicy(
        maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2)));

    /// <inheritdoc />
    public override async Task<IngestDatasetResult> RunAsync(TaskOrchestrationContext context, IngestDatasetInput input)
    {
        context.SetCustomStatus(new IngestionProgress("downloading", 0, 0, 0, 0, 0, 0));
        RawDatasetManifest? manifest = null;
        int stored = 0, quarantined = 0;
        try
        {
            manifest = await context.CallActivityAsync<RawDatasetManifest>(TaskNames.FetchRawDataset, input, Retry);
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
                    Retry);
                context.SetCustomStatus(new IngestionProgress("unchanged", 0, 0, 0, 0, 0, 100));
                return new IngestDatasetResult(input.DatasetId, input.Version, DatasetVersionStatus.Unchanged, 0, 0, 0, null);
            }

            int done = 0;
            int next = 0;
            var running = new List<Task<ChunkOutcome>>();
            Report(context, "ingesting", manifest, done, stored, quarantined);
            while (next < manifest.Chunks.Count || running.Count > 0)
            {
                while (running.Count < MaxParallelChunks && next < manifest.Chunks.Count)
                {
                    var chunkInput = new IngestChunkInput(input.DatasetId, input.Version, manifest.BlobName, manifest.Header, input.Source.Mapping, manifest.Chunks[next++]);
                    running.Add(context.CallActivityAsync<ChunkOutcome>(TaskNames.IngestCompoundChunk, chunkInput, Retry));
                }

                var finished = await Task.WhenAny(running);
                running.Remove(finished);
                var outcome = await finished;
                stored += outcome.Stored;
                quarantined += outcome.Quarantined;
                done++;
                Report(context, "ingesting", manifest, done, stored, quarantined);
            }

            Report(context, "training", manifest, done, stored, quarantined);
            var versionInput = new TrainModelsInput(input.DatasetId, input.Version);
            await Task.WhenAll(
                context.CallActivityAsync<int>(TaskNames.BuildFingerprintStore, versionInput, Retry),
                context.CallActivityAsync<TrainModelsOutcome>(TaskNames.TrainModels, versionInput, Retry));
            Report(context, "finishing", manifest, done, stored, quarantined);
            await context.CallActivityAsync<bool>(
                TaskNames.CompleteDatasetVersion,
                new CompleteVersionInput(input.DatasetId, input.Version, manifest.ContentHash, manifest.BlobName, manifest.TotalRows, stored, quarantined, null),
                Retry);
            context.SetCustomStatus(new IngestionProgress("ready", done, manifest.Chunks.Count, manifest.TotalRows, stored, quarantined, 100));
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
            Retry);
        return new IngestDatasetResult(input.DatasetId, input.Version, "Failed", total, stored, quarantined, error);
    }

    private static void Report(TaskOrchestrationContext context, string phase, RawDatasetManifest manifest, int done, int stored, int quarantined)
    {
        int total = manifest.Chunks.Count;
        int percent = total == 0 ? 100 : (int)(100L * done / total);
        context.SetCustomStatus(new IngestionProgress(phase, done, total, manifest.TotalRows, stored, quarantined, percent));
    }
}
