using Azure;
using Azure.Storage.Blobs;
using MedEdu.Compute.Screening;
using MedEdu.Compute.Screening.Remote;

namespace MedEdu.ScreeningWorker;

/// <summary>Reads stores from the Blob container the pipeline writes them to (managed identity in Azure, a connection string locally).</summary>
public sealed class BlobStoreSource(BlobContainerClient container)
{
    /// <summary>The container named by the worker's storage settings.</summary>
    public static BlobStoreSource FromOptions(StorageOptions options)
    {
        var service = string.IsNullOrEmpty(options.AccountName)
            ? new BlobServiceClient(options.ConnectionString)
            : new BlobServiceClient(new Uri($"https://{options.AccountName}.blob.core.windows.net"), new Azure.Identity.DefaultAzureCredential());
        return new BlobStoreSource(service.GetBlobContainerClient(StoreBlobs.Container));
    }

    /// <summary>The version's store streamed from Blob, or null when it has none.</summary>
    public async Task<FingerprintStore?> LoadAsync(StoreKey key, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await container.GetBlobClient(StoreBlobs.NameOf(key.Dataset, key.Version)).OpenReadAsync(cancellationToken: cancellationToken);
            return FingerprintStoreFile.Read(stream);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Whether the stores' container answers (for readiness).</summary>
    public async Task<(bool Reachable, string Detail)> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            bool exists = await container.ExistsAsync(cancellationToken);
            return (true, exists ? $"container '{container.Name}' found" : $"container '{container.Name}' not created yet (no store built)");
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException or OperationCanceledException)
        {
            return (false, $"{container.Uri.GetLeftPart(UriPartial.Authority)} did not answer: {e.Message.Split('\n')[0]}");
        }
    }
}
