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

    /// <summary>Blob service client.</summary>
    public BlobServiceClient Blobs { get; }

    /// <summary>Table service client.</summary>
    public TableServiceClient Tables { get; }
}
