using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;
using MedEdu.Pipeline.Datasets;
using MedEdu.Pipeline.Uploads;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>
/// Fetches an uploaded file without holding it: streams the upload (exactly the content that was
/// registered: its ETag), converts a SMILES file to CSV on the way, hashes it, copies it into the
/// raw store and plans its chunks, all in one pass over fixed-size blocks.
/// </summary>
public sealed class UploadedFileFetcher(UploadService uploads, RawDatasetStore rawStore)
{
    /// <summary>Bytes read per block.</summary>
    public const int BlockBytes = 4 << 20;

    /// <summary>The plan of the upload named by <paramref name="input"/>'s source, or a manifest with the error.</summary>
    public async Task<RawDatasetManifest> FetchAsync(IngestDatasetInput input, CancellationToken cancellationToken = default)
    {
        var source = input.Source;
        var upload = source.Upload!;
        string blobName = $"uploads/{upload.Id}.csv";
        var planner = new StreamingChunkPlanner(source.Mapping, input.ChunkSize);
        var converter = upload.Format == "smiles" ? new SmilesFileConverter() : null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using var read = await uploads.Container.GetBlobClient(UploadService.BlobNameOf(upload.Id)).OpenReadAsync(
                new BlobOpenReadOptions(allowModifications: false) { BufferSize = BlockBytes, Conditions = new BlobRequestConditions { IfMatch = new ETag(upload.ETag) } },
                cancellationToken);
            await using (var write = await rawStore.OpenWriteAsync(blobName, cancellationToken))
            {
                var block = new byte[BlockBytes];
                int n;
                while ((n = await read.ReadAtLeastAsync(block, block.Length, throwOnEndOfStream: false, cancellationToken)) > 0)
                {
                    await PassAsync(converter is null ? block.AsMemory(0, n) : converter.Convert(block.AsSpan(0, n)));
                }

                if (converter is not null)
                {
                    await PassAsync(converter.Finish());
                }

                async Task PassAsync(ReadOnlyMemory<byte> csv)
                {
                    hash.AppendData(csv.Span);
                    planner.Append(csv.Span);
                    await write.WriteAsync(csv, cancellationToken);
                }
            }
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return new RawDatasetManifest(blobName, "", [], 0, [], $"upload '{upload.Id}' changed or vanished after it was registered: upload the file again as a new dataset");
        }

        string contentHash = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (contentHash == input.PreviousContentHash)
        {
            return new RawDatasetManifest(blobName, contentHash, [], 0, [], null, Unchanged: true);
        }

        return planner.Finish(blobName, contentHash);
    }
}
