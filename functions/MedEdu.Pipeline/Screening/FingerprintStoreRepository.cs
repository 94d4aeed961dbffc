using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using MedEdu.Compute.Screening;
using MedEdu.Pipeline.Datasets;
using MedEdu.Pipeline.Storage;

namespace MedEdu.Pipeline.Screening;

/// <summary>
/// A dataset version's screening store as one packed binary blob (<see cref="FingerprintStoreFile"/>),
/// loaded by streaming into the aligned block and kept in memory per version (versions are immutable).
/// </summary>
public sealed class FingerprintStoreRepository(StorageAccount account)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(StorageLayout.StoreContainer);
    private readonly ConcurrentDictionary<DatasetVersionKey, Lazy<Task<FingerprintStore>>> _loaded = new();

    /// <summary>Blob name of a version's store.</summary>
    public static string BlobNameOf(DatasetVersionKey key) => Compute.Screening.Remote.StoreBlobs.NameOf(key.DatasetId, key.Version);

    /// <summary>Writes (overwrites) a version's store, streamed to Blob in blocks rather than copied into memory first.</summary>
    public async Task<string> SaveAsync(DatasetVersionKey key, FingerprintStore store, CancellationToken cancellationToken = default)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        string name = BlobNameOf(key);
        await using (var stream = await _container.GetBlockBlobClient(name).OpenWriteAsync(overwrite: true, new BlockBlobOpenWriteOptions { BufferSize = 8 << 20 }, cancellationToken))
        {
            await Task.Run(() => FingerprintStoreFile.Write(store, stream), cancellationToken);
        }

        return name;
    }

    /// <summary>The version's store, streamed from Blob on first use.</summary>
    public Task<FingerprintStore> LoadAsync(DatasetVersionKey key) =>
        _loaded.GetOrAdd(key, k => new Lazy<Task<FingerprintStore>>(async () =>
        {
            await using var stream = await _container.GetBlobClient(BlobNameOf(k)).OpenReadAsync();
            return FingerprintStoreFile.Read(stream);
        })).Value;
}
