using MedEdu.Pipeline.Datasets;
using MedEdu.Pipeline.Ingestion;
using MedEdu.Pipeline.Storage;
using MedEdu.Pipeline.Tests.Infrastructure;
using Microsoft.DurableTask;

namespace MedEdu.Pipeline.Tests;

/// <summary>
/// The activity that ends an ingestion, on real Azurite tables: the served pointer and its hash move
/// before the version reads "Ready", so nobody (a reader, the schedule timer, a refresh comparing
/// hashes) ever sees a ready version that is not yet served.
/// </summary>
[Trait("Category", "Integration")]
public sealed class VersionPromotionTests : IAsyncLifetime
{
    private DatasetRepository _datasets = null!;

    public async Task InitializeAsync()
    {
        await Azurite.EnsureRunningAsync();
        _datasets = new DatasetRepository(new TableProvider(new StorageAccount(Azurite.ConnectionString)));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CompletingAVersionServesItWithItsHashBeforeMarkingItReady()
    {
        string id = DatasetApi.UniqueId("promote");
        await SeedAsync(id, readyVersion: 1, readyHash: "hash-v1", ingesting: 2);

        await Complete(id, 2, "hash-v2");

        var dataset = (await _datasets.FindAsync(id))!;
        var version = (await _datasets.FindVersionAsync(id, 2))!;
        Assert.Equal((2, "hash-v2"), (dataset.ReadyVersion, dataset.ReadyContentHash));
        Assert.Equal((DatasetVersionStatus.Ready, "hash-v2", 300), (version.Status, version.ContentHash, version.Stored));
        // The dataset row was written first: the table's own timestamps order the two writes.
        Assert.True(dataset.Timestamp <= version.Timestamp, $"served at {dataset.Timestamp:O}, marked ready at {version.Timestamp:O}");

        // Run twice (a retried activity): same state, the pointer untouched.
        await Complete(id, 2, "hash-v2");
        var again = (await _datasets.FindAsync(id))!;
        Assert.Equal((2, "hash-v2", dataset.ETag), (again.ReadyVersion, again.ReadyContentHash, again.ETag));
    }

    [Fact]
    public async Task AnOlderVersionFinishingLateNeverReplacesANewerServedOne()
    {
        string id = DatasetApi.UniqueId("promote");
        await SeedAsync(id, readyVersion: 3, readyHash: "hash-v3", ingesting: 2);

        await Complete(id, 2, "hash-v2");

        var dataset = (await _datasets.FindAsync(id))!;
        Assert.Equal((3, "hash-v3"), (dataset.ReadyVersion, dataset.ReadyContentHash));
        Assert.Equal(DatasetVersionStatus.Ready, (await _datasets.FindVersionAsync(id, 2))!.Status);
    }

    private async Task SeedAsync(string id, int readyVersion, string readyHash, int ingesting)
    {
        Assert.True(await _datasets.TryAddAsync(new DatasetEntity
        {
            RowKey = id,
            Name = id,
            SmilesColumn = "smiles",
            LatestVersion = Math.Max(readyVersion, ingesting),
            ReadyVersion = readyVersion,
            ReadyContentHash = readyHash,
        }));
        await _datasets.UpsertVersionAsync(new DatasetVersionEntity
        {
            PartitionKey = id,
            RowKey = DatasetVersionEntity.RowKeyOf(ingesting),
            Version = ingesting,
            InstanceId = $"ingest-{id}-v{ingesting}",
        });
    }

    private async Task Complete(string id, int version, string hash) =>
        Assert.True(await new CompleteDatasetVersion(_datasets).RunAsync(
            new ActivityContext(TaskNames.CompleteDatasetVersion, $"ingest-{id}-v{version}"),
            new CompleteVersionInput(id, version, hash, $"{hash}.csv", 300, 300, 0, null)));

    private sealed class ActivityContext(string name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;

        public override string InstanceId { get; } = instanceId;
    }
}
