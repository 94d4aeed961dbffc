using MedEdu.Pipeline.Datasets;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>Input of the <c>IngestDataset</c> orchestration: which version of which dataset, from where.</summary>
/// <param name="DatasetId">Dataset id.</param>
/// <param name="Version">Version being ingested.</param>
/// <param name="Source">Where the raw file comes from.</param>
/// <param name="ChunkSize">Rows per fan-out activity.</param>
/// <param name="PreviousContentHash">Hash of the served version's raw file: an identical download is "no change" and does no work.</param>
public sealed record IngestDatasetInput(string DatasetId, int Version, DatasetSource Source, int ChunkSize = IngestDatasetInput.DefaultChunkSize, string? PreviousContentHash = null)
{
    /// <summary>Rows per fan-out activity: large enough to amortise a Table round trip, small enough for visible progress.</summary>
    public const int DefaultChunkSize = 500;
}

/// <summary>The raw file stored in Blob and how it was cut into chunks on record boundaries.</summary>
/// <param name="BlobName">Name of the raw blob (its content hash).</param>
/// <param name="ContentHash">Hex SHA-256 of the raw file.</param>
/// <param name="Header">Column names from the header row.</param>
/// <param name="TotalRows">Data rows in the file.</param>
/// <param name="Chunks">The fan-out plan.</param>
/// <param name="Error">Why the file cannot be ingested at all (e.g. a mapped column is missing), or null.</param>
/// <param name="Unchanged">True when the content is identical to the served version's.</param>
public sealed record RawDatasetManifest(string BlobName, string ContentHash, string[] Header, int TotalRows, List<RowChunk> Chunks, string? Error, bool Unchanged = false);

/// <summary>A run of consecutive data rows inside the raw file.</summary>
/// <param name="Index">0-based chunk number.</param>
/// <param name="Offset">Byte offset of the chunk's first row in the raw blob.</param>
/// <param name="Length">Bytes to read, through the last row's line terminator.</param>
/// <param name="FirstRowNumber">1-based data row number of the first row.</param>
/// <param name="FirstLine">1-based line in the file where the first row starts.</param>
/// <param name="RowCount">Rows in the chunk.</param>
public sealed record RowChunk(int Index, long Offset, int Length, int FirstRowNumber, int FirstLine, int RowCount);

/// <summary>Input of the <c>IngestCompoundChunk</c> activity.</summary>
public sealed record IngestChunkInput(string DatasetId, int Version, string BlobName, string[] Header, ColumnMapping Mapping, RowChunk Chunk);

/// <summary>What one chunk activity stored and quarantined.</summary>
public sealed record ChunkOutcome(int Index, int Stored, int Quarantined);

/// <summary>Input of the activities that close a version (ready or failed).</summary>
public sealed record CompleteVersionInput(string DatasetId, int Version, string? ContentHash, string? RawBlob, int TotalRows, int Stored, int Quarantined, string? Error, bool Unchanged = false);

/// <summary>Input of the <c>TrainModels</c> activity.</summary>
public sealed record TrainModelsInput(string DatasetId, int Version, int Seed = 0);

/// <summary>What <c>TrainModels</c> did: the task it chose and the held-out metrics, or why it did nothing.</summary>
public sealed record TrainModelsOutcome(string? Task, int TrainCount, int TestCount, double? Rmse, double? RocAuc, double DomainThreshold, string? Skipped);

/// <summary>Input of the <c>FeaturizeCompounds</c> sub-orchestration: the ingestion and its chunk plan.</summary>
public sealed record FeaturizeCompoundsInput(IngestDatasetInput Ingestion, RawDatasetManifest Manifest);

/// <summary>What the featurization stored and quarantined over all chunks.</summary>
public sealed record FeaturizeCompoundsOutcome(int ChunksDone, int Stored, int Quarantined);

/// <summary>What <c>BuildVersionArtifacts</c> made: fingerprints in the screening store and the model.</summary>
public sealed record VersionArtifacts(int Fingerprints, TrainModelsOutcome Model);

/// <summary>The orchestration's result.</summary>
public sealed record IngestDatasetResult(string DatasetId, int Version, string Status, int TotalRows, int Stored, int Quarantined, string? Error);

/// <summary>Custom status of a running ingestion, shown by <c>GET /api/datasets/{id}</c>.</summary>
/// <param name="Phase">downloading, ingesting, finishing, ready or failed.</param>
/// <param name="ChunksDone">Chunk activities finished.</param>
/// <param name="ChunksTotal">Chunk activities planned.</param>
/// <param name="TotalRows">Data rows in the file.</param>
/// <param name="Stored">Compounds stored so far.</param>
/// <param name="Quarantined">Rows quarantined so far.</param>
/// <param name="Percent">Chunks done as a percentage.</param>
public sealed record IngestionProgress(string Phase, int ChunksDone, int ChunksTotal, int TotalRows, int Stored, int Quarantined, int Percent)
{
    /// <summary>Sets the orchestration's custom status for a phase, with chunks done as the percentage.</summary>
    public static void Report(Microsoft.DurableTask.TaskOrchestrationContext context, string phase, RawDatasetManifest manifest, int done, int stored, int quarantined)
    {
        int total = manifest.Chunks.Count;
        int percent = total == 0 ? 100 : (int)(100L * done / total);
        context.SetCustomStatus(new IngestionProgress(phase, done, total, manifest.TotalRows, stored, quarantined, percent));
    }
}
