using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace MedEdu.Pipeline.Storage;

/// <summary>
/// Keeps every downloaded source file in Blob storage under its SHA-256, so a retry or a
/// re-download of identical content writes nothing new and a version can always be re-read.
/// </summary>
public sealed class RawDatasetStore(StorageAccount account)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(TableNames.RawContainer);
    private readonly Lazy<Task> _created = new(() => account.Blobs.GetBlobContainerClient(TableNames.RawContainer).CreateIfNotExistsAsync());

    /// <summary>Hex SHA-256 of <paramref name="content"/>.</summary>
    public static string HashOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Stores <paramref name="content"/> under its hash unless already there; returns the blob name.</summary>
    public async Task<string> PutAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        string name = $"{HashOf(content)}.csv";
        var blob = _container.GetBlobClient(name);
        try
        {
            await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv" },
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409 || e.Status == 412)
        {
            // Same hash, same content: an earlier attempt already stored it.
        }

        return name;
    }

    /// <summary>Reads <paramref name="length"/> bytes at <paramref name="offset"/> of a stored file.</summary>
    public async Task<byte[]> ReadRangeAsync(string blobName, long offset, int length, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(blobName);
        var response = await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(offset, length) }, cancellationToken);
        return response.Value.Content.ToArray();
    }

    /// <summary>Reads a whole stored file.</summary>
    public async Task<byte[]> ReadAllAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var response = await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
        return response.Value.Content.ToArray();
    }
}
