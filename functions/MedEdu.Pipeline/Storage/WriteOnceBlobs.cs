using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace MedEdu.Pipeline.Storage;

/// <summary>
/// A blob container whose blobs never change once written (named by their content's hash, or by
/// what they belong to): a write is skipped when the name exists (a retry, or two writers of the
/// same content), and reads need no coordination. Raw dataset files, cached drawings and campaign
/// setups are kept this way.
/// </summary>
public sealed class WriteOnceBlobs
{
    private readonly BlobContainerClient _container;
    private readonly Lazy<Task> _created;

    /// <summary>The container <paramref name="containerName"/> of the account (created on first use).</summary>
    public WriteOnceBlobs(StorageAccount account, string containerName)
    {
        _container = account.Blobs.GetBlobContainerClient(containerName);
        _created = new(() => _container.CreateIfNotExistsAsync());
    }

    /// <summary>Stores <paramref name="content"/> as <paramref name="name"/> unless a blob of that name exists.</summary>
    public async Task PutIfAbsentAsync(string name, BinaryData content, string contentType, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        try
        {
            await _container.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Same name, same content: an earlier attempt already stored it.
        }
    }

    /// <summary>
    /// A stream that writes <paramref name="name"/> in blocks, for content too large to hold (an
    /// uploaded file); a rewrite by a retried activity writes the same content again.
    /// </summary>
    public async Task<Stream> OpenWriteAsync(string name, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        return await _container.GetBlockBlobClient(name).OpenWriteAsync(overwrite: true, new BlockBlobOpenWriteOptions { BufferSize = 4 << 20 }, cancellationToken);
    }

    /// <summary>The blob's content, or null when there is none.</summary>
    public async Task<BinaryData?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        try
        {
            return (await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Deletes every blob whose name starts with <paramref name="prefix"/> (what a deleted class owned); returns how many.</summary>
    public async Task<int> DeleteUnderAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        int deleted = 0;
        await foreach (var item in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            await _container.DeleteBlobIfExistsAsync(item.Name, cancellationToken: cancellationToken);
            deleted++;
        }

        return deleted;
    }

    /// <summary>Reads <paramref name="length"/> bytes at <paramref name="offset"/>.</summary>
    public async Task<byte[]> ReadRangeAsync(string name, long offset, int length, CancellationToken cancellationToken = default)
    {
        var response = await _container.GetBlobClient(name).DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(offset, length) }, cancellationToken);
        return response.Value.Content.ToArray();
    }

    /// <summary>Reads a whole blob.</summary>
    public async Task<byte[]> ReadAllAsync(string name, CancellationToken cancellationToken = default) =>
        (await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
}
