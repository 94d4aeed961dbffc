using System.Text.Json;
using Azure.Storage.Blobs;
using MedEdu.Compute.Campaigns;
using MedEdu.Pipeline.Storage;

namespace MedEdu.Pipeline.Classes;

/// <summary>
/// Campaign setups (library, hidden values, map, the opponents' games) in Blob container
/// <c>campaigns</c> as <c>{classId}/{exerciseId}.json</c>: a 2,000-compound library is far beyond a
/// Table property, and a setup never changes once its class is created.
/// </summary>
public sealed class CampaignRepository
{
    /// <summary>The container.</summary>
    public const string Container = "campaigns";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly BlobContainerClient _container;
    private readonly Lazy<Task> _created;

    /// <summary>The campaigns of <paramref name="account"/>.</summary>
    public CampaignRepository(StorageAccount account)
    {
        _container = account.Blobs.GetBlobContainerClient(Container);
        _created = new(() => _container.CreateIfNotExistsAsync());
    }

    /// <summary>Stores a class exercise's setup (a retried class creation writes the same setup again).</summary>
    public async Task PutAsync(string classId, string exerciseId, CampaignSetup setup)
    {
        await _created.Value;
        await _container.GetBlobClient(Name(classId, exerciseId)).UploadAsync(BinaryData.FromObjectAsJson(setup, Json), overwrite: true);
    }

    /// <summary>The setup, or null when the class has no such campaign.</summary>
    public async Task<CampaignSetup?> FindAsync(string classId, string exerciseId)
    {
        await _created.Value;
        var blob = _container.GetBlobClient(Name(classId, exerciseId));
        try
        {
            return (await blob.DownloadContentAsync()).Value.Content.ToObjectFromJson<CampaignSetup>(Json);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Deletes every campaign of a class; returns how many.</summary>
    public async Task<int> DeleteClassAsync(string classId)
    {
        await _created.Value;
        int deleted = 0;
        await foreach (var item in _container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, classId + "/", CancellationToken.None))
        {
            await _container.DeleteBlobIfExistsAsync(item.Name);
            deleted++;
        }

        return deleted;
    }

    private static string Name(string classId, string exerciseId) => $"{classId}/{exerciseId}.json";
}
