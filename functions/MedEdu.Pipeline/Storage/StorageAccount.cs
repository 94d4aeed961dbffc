using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace MedEdu.Pipeline.Storage;

/// <summary>The Blob and Table clients of the one storage account MedEdu keeps its data in.</summary>
public sealed class StorageAccount
{
    /// <summary>Azurite's well-known development connection string.</summary>
    public const string DevelopmentConnectionString = "UseDevelopmentStorage=true";

    /// <summary>Creates clients from a storage connection string (Azurite locally).</summary>
    public StorageAccount(string connectionString)
    {
        Blobs = new BlobServiceClient(connectionString);
        Tables = new TableServiceClient(connectionString);
    }

    /// <summary>Creates clients for an account reached with a managed identity (Azure; no keys).</summary>
    public StorageAccount(string accountName, Azure.Core.TokenCredential credential)
    {
        Blobs = new BlobServiceClient(new Uri($"https://{accountName}.blob.core.windows.net"), credential);
        Tables = new TableServiceClient(new Uri($"https://{accountName}.table.core.windows.net"), credential);
    }

    /// <summary>
    /// The account configuration names: identity-based (<c>AzureWebJobsStorage:accountName</c>, as
    /// Bicep sets it) when present, else the <c>AzureWebJobsStorage</c> connection string, else Azurite.
    /// </summary>
    public static StorageAccount FromConfiguration(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        if (configuration["AzureWebJobsStorage:accountName"] is { Length: > 0 } account)
        {
            return new StorageAccount(account, new Azure.Identity.DefaultAzureCredential());
        }

        return new StorageAccount(configuration["AzureWebJobsStorage"] is { Length: > 0 } connection ? connection : DevelopmentConnectionString);
    }

    /// <summary>Blob service client.</summary>
    public BlobServiceClient Blobs { get; }

    private readonly SemaphoreSlim _delegationGate = new(1, 1);
    private UserDelegationKey? _delegation;

    /// <summary>
    /// A URL granting <paramref name="permissions"/> on one blob until <paramref name="expires"/>:
    /// signed with the account key where there is one (Azurite), else with a user delegation key
    /// from the app's identity (Azure, where shared keys are off), fetched once and reused while it
    /// covers the expiry, so listing many files asks for one key, not one per file.
    /// </summary>
    public async Task<Uri> SignedUrlAsync(BlobClient blob, BlobSasPermissions permissions, DateTimeOffset expires, CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow;
        var sas = new BlobSasBuilder(permissions, expires)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now.AddMinutes(-5), // clock skew between this host and storage
            Protocol = blob.Uri.Scheme == "https" ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        await _delegationGate.WaitAsync(cancellationToken);
        try
        {
            if (_delegation is null || _delegation.SignedExpiresOn < expires)
            {
                var until = expires > now.AddHours(2) ? expires : now.AddHours(2);
                _delegation = (await Blobs.GetUserDelegationKeyAsync(now.AddMinutes(-5), until, cancellationToken)).Value;
            }

            return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(_delegation, Blobs.AccountName) }.ToUri();
        }
        finally
        {
            _delegationGate.Release();
        }
    }

    /// <summary>Table service client.</summary>
    public TableServiceClient Tables { get; }
}
