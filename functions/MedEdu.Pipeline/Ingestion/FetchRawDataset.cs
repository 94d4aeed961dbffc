using MedEdu.Compute.Data;
using MedEdu.Pipeline.Datasets;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>
/// Downloads a dataset's source into Blob storage under its content hash and cuts it into row
/// chunks on record boundaries, so chunk activities read only their byte range.
/// </summary>
public sealed class FetchRawDataset(DatasetSourceReader reader, RawDatasetStore rawStore, UploadedFileFetcher uploads, ILogger<FetchRawDataset> logger)
    : TaskActivity<IngestDatasetInput, RawDatasetManifest>
{
    /// <inheritdoc />
    public override async Task<RawDatasetManifest> RunAsync(TaskActivityContext context, IngestDatasetInput input)
    {
        if (input.Source.Upload is not null)
        {
            // An upload may be far larger than memory: streamed, never held.
            var manifest = await uploads.FetchAsync(input);
            logger.LogInformation("Planned {Rows} rows of {Source} in {Chunks} chunks", manifest.TotalRows, input.Source.Describe(), manifest.Chunks.Count);
            return manifest;
        }

        byte[] content;
        try
        {
            content = await reader.ReadAsync(input.Source);
        }
        catch (DatasetSourceException e)
        {
            return new RawDatasetManifest("", "", [], 0, [], e.Message);
        }

        string hash = RawDatasetStore.HashOf(content);
        if (hash == input.PreviousContentHash)
        {
            logger.LogInformation("{Source} is unchanged (sha256 {Hash}): no new version", input.Source.Describe(), hash);
            return new RawDatasetManifest($"{hash}.csv", hash, [], 0, [], null, Unchanged: true);
        }

        string blobName = await rawStore.PutAsync(content);
        logger.LogInformation("Stored {Bytes} bytes of {Source} as {Blob}", content.Length, input.Source.Describe(), blobName);
        return Plan(content, blobName, hash, input.Source.Mapping, input.ChunkSize);
    }

    /// <summary>Finds the header and cuts the data rows into chunks of <paramref name="chunkSize"/>.</summary>
    public static RawDatasetManifest Plan(ReadOnlySpan<byte> content, string blobName, string hash, ColumnMapping mapping, int chunkSize)
    {
        var records = CsvRecordSplitter.Split(content);
        if (records.Count == 0)
        {
            return new RawDatasetManifest(blobName, hash, [], 0, [], "the file is empty");
        }

        var headerRecord = records[0];
        var header = CompoundRowReader.ReadHeader(content.Slice(headerRecord.Offset, headerRecord.Length), out var headerError);
        if (header is null)
        {
            return new RawDatasetManifest(blobName, hash, [], 0, [], headerError);
        }

        if (CompoundRowReader.Create(header, mapping, out var mappingError) is null)
        {
            return new RawDatasetManifest(blobName, hash, header, 0, [], mappingError);
        }

        var chunks = new List<RowChunk>();
        int dataRows = records.Count - 1;
        for (int first = 1, index = 0; first < records.Count; first += chunkSize, index++)
        {
            int last = Math.Min(first + chunkSize, records.Count) - 1;
            var start = records[first];
            var end = records[last];
            int length = end.Offset + end.LengthWithTerminator - start.Offset;
            chunks.Add(new RowChunk(index, start.Offset, length, first, start.Line, last - first + 1));
        }

        return new RawDatasetManifest(blobName, hash, header, dataRows, chunks, null);
    }
}
