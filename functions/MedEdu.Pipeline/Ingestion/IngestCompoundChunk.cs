using MedEdu.Compute.Data;
using MedEdu.Observability;
using MedEdu.Pipeline.Compounds;
using MedEdu.Pipeline.Datasets;
using Microsoft.DurableTask;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>
/// Parses and validates one chunk of rows and upserts them as compounds, or quarantines them with
/// their reason. Keys are the row numbers, so running the same chunk twice leaves the same rows.
/// </summary>
public sealed class IngestCompoundChunk(RawDatasetStore rawStore, CompoundRepository compounds)
    : TaskActivity<IngestChunkInput, ChunkOutcome>
{
    /// <inheritdoc />
    public override async Task<ChunkOutcome> RunAsync(TaskActivityContext context, IngestChunkInput input)
    {
        using var span = MedEduTelemetry.Source.StartActivity("ingest chunk");
        span?.SetTag("mededu.dataset", input.DatasetId);
        span?.SetTag("mededu.version", input.Version);
        span?.SetTag("mededu.chunk", input.Chunk.Index);
        var bytes = await rawStore.ReadRangeAsync(input.BlobName, input.Chunk.Offset, input.Chunk.Length);
        var (stored, quarantined) = Parse(bytes, input);
        await compounds.WriteChunkAsync(new DatasetVersionKey(input.DatasetId, input.Version), input.Chunk.FirstRowNumber, stored);
        await compounds.QuarantineAsync(quarantined);
        MedEduTelemetry.IngestedRows.Add(stored.Count, new KeyValuePair<string, object?>("outcome", "stored"));
        MedEduTelemetry.IngestedRows.Add(quarantined.Count, new KeyValuePair<string, object?>("outcome", "quarantined"));
        return new ChunkOutcome(input.Chunk.Index, stored.Count, quarantined.Count);
    }

    /// <summary>Turns a chunk's bytes into compound and quarantine entities (no I/O).</summary>
    public static (List<CompoundEntity> Stored, List<QuarantinedRowEntity> Quarantined) Parse(byte[] bytes, IngestChunkInput input)
    {
        var key = new DatasetVersionKey(input.DatasetId, input.Version);
        var reader = CompoundRowReader.Create(input.Header, input.Mapping, out var error)
            ?? throw new InvalidOperationException(error);
        var records = CsvRecordSplitter.Split(bytes, input.Chunk.FirstLine);
        if (records.Count != input.Chunk.RowCount)
        {
            throw new InvalidOperationException($"chunk {input.Chunk.Index} holds {records.Count} rows, expected {input.Chunk.RowCount}: the raw blob changed");
        }

        var stored = new List<CompoundEntity>(records.Count);
        var quarantined = new List<QuarantinedRowEntity>();
        for (int i = 0; i < records.Count; i++)
        {
            var extent = records[i];
            var span = bytes.AsSpan(extent.Offset, extent.Length);
            int rowNumber = input.Chunk.FirstRowNumber + i;
            var row = reader.Read(span);
            var compound = new CompoundEntity
            {
                PartitionKey = key.PartitionKey,
                RowKey = CompoundEntity.RowKeyOf(rowNumber),
                CompoundId = CompoundEntity.IdOf(input.DatasetId, rowNumber),
                DatasetId = input.DatasetId,
                Version = input.Version,
                RowNumber = rowNumber,
                Line = extent.Line,
                Name = row.Name,
                Smiles = row.Smiles,
                Value = row.Value,
            };

            // A malformed row, or a well-formed row whose SMILES the chemistry core refuses.
            if ((row.RejectReason ?? CompoundFeaturizer.TryFeaturize(compound)) is { } reason)
            {
                quarantined.Add(new QuarantinedRowEntity
                {
                    PartitionKey = key.PartitionKey,
                    RowKey = compound.RowKey,
                    RowNumber = rowNumber,
                    Line = extent.Line,
                    Reason = reason,
                    Raw = CompoundRowReader.Printable(span),
                });
                continue;
            }

            stored.Add(compound);
        }

        return (stored, quarantined);
    }
}
