using Azure.Data.Tables;
using Azure.Storage.Blobs;

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

    /// <summary>Table service client.</summary>
    public TableServiceClient Tables { get; }
}
