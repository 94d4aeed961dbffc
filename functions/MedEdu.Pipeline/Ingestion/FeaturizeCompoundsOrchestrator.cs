using Microsoft.DurableTask;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>
/// Sub-orchestration of an ingestion: fans the raw file's row chunks out to <c>IngestCompoundChunk</c>
/// activities (parse, validate, standardize, featurize, store or quarantine), at most
/// <see cref="MaxParallelChunks"/> at a time, and fans the counts back in, reporting progress as its
/// custom status.
/// </summary>
public sealed class FeaturizeCompoundsOrchestrator : TaskOrchestrator<FeaturizeCompoundsInput, FeaturizeCompoundsOutcome>
{
    /// <summary>Chunk activities in flight at once.</summary>
    public const int MaxParallelChunks = 8;

    /// <inheritdoc />
    public override async Task<FeaturizeCompoundsOutcome> RunAsync(TaskOrchestrationContext context, FeaturizeCompoundsInput input)
    {
        var (ingestion, manifest) = (input.Ingestion, input.Manifest);
        int done = 0, next = 0, stored = 0, quarantined = 0;
        var running = new List<Task<ChunkOutcome>>();
        IngestionProgress.Report(context, "ingesting", manifest, done, stored, quarantined);
        while (next < manifest.Chunks.Count || running.Count > 0)
        {
            while (running.Count < MaxParallelChunks && next < manifest.Chunks.Count)
            {
                var chunk = new IngestChunkInput(ingestion.DatasetId, ingestion.Version, manifest.BlobName, manifest.Header, ingestion.Source.Mapping, manifest.Chunks[next++]);
                running.Add(context.CallActivityAsync<ChunkOutcome>(TaskNames.IngestCompoundChunk, chunk, IngestionRetry.Activity));
            }

            var finished = await Task.WhenAny(running);
            running.Remove(finished);
            var outcome = await finished;
            stored += outcome.Stored;
            quarantined += outcome.Quarantined;
            done++;
            IngestionProgress.Report(context, "ingesting", manifest, done, stored, quarantined);
        }

        return new FeaturizeCompoundsOutcome(done, stored, quarantined);
    }
}
