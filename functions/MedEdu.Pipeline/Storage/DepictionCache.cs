using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace MedEdu.Pipeline.Storage;

/// <summary>
/// SVG drawings in Blob storage, named by the SHA-256 of the structure and the drawing options:
/// a structure is drawn once, whichever dataset version or exercise shows it.
/// </summary>
public sealed class DepictionCache(StorageAccount account)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(TableNames.DepictionContainer);
    private readonly Lazy<Task> _created = new(() => account.Blobs.GetBlobContainerClient(TableNames.DepictionContainer).CreateIfNotExistsAsync());

    /// <summary>The cache key (hex SHA-256) of a structure drawn with given options.</summary>
    public static string KeyOf(string smiles, string optionsKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(smiles + "\n" + optionsKey)));

    /// <summary>The cached drawing, or null.</summary>
    public async Task<string?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        try
        {
            var response = await _container.GetBlobClient(key + ".svg").DownloadContentAsync(cancellationToken);
            return response.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Stores a drawing unless one is already there (two requests may draw it at once; either copy is the same).</summary>
    public async Task PutAsync(string key, string svg, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        try
        {
            await _container.GetBlobClient(key + ".svg").UploadAsync(BinaryData.FromString(svg), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "image/svg+xml" },
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
        }
    }
}
