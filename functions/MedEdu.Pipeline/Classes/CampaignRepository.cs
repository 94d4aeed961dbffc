using System.Text.Json;
using MedEdu.Compute.Campaigns;
using MedEdu.Pipeline.Storage;

namespace MedEdu.Pipeline.Classes;

/// <summary>
/// Campaign setups (library, hidden values, map, the opponents' games) in Blob container
/// <c>campaigns</c> as <c>{classId}/{exerciseId}.json</c>: a 2,000-compound library is far beyond a
/// Table property, and a setup never changes once its class is created.
/// </summary>
public sealed class CampaignRepository(StorageAccount account)
{
    /// <summary>The container.</summary>
    public const string Container = StorageLayout.CampaignContainer;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WriteOnceBlobs _blobs = new(account, Container);

    /// <summary>Stores a new class exercise's setup (each class creation has its own class id, so the name is new).</summary>
    public Task PutAsync(string classId, string exerciseId, CampaignSetup setup) =>
        _blobs.PutIfAbsentAsync(Name(classId, exerciseId), BinaryData.FromObjectAsJson(setup, Json), "application/json");

    /// <summary>The setup, or null when the class has no such campaign.</summary>
    public async Task<CampaignSetup?> FindAsync(string classId, string exerciseId) =>
        (await _blobs.FindAsync(Name(classId, exerciseId)))?.ToObjectFromJson<CampaignSetup>(Json);

    /// <summary>Deletes every campaign of a class; returns how many.</summary>
    public Task<int> DeleteClassAsync(string classId) => _blobs.DeleteUnderAsync(classId + "/");

    private static string Name(string classId, string exerciseId) => $"{classId}/{exerciseId}.json";
}
