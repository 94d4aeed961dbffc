using System.Net;
using MedEdu.Pipeline.Compounds;
using MedEdu.Pipeline.Datasets;
using MedEdu.Pipeline.Storage;
using MedEdu.Pipeline.Tests.Infrastructure;
using Parquet.Serialization;

namespace MedEdu.Pipeline.Tests;

/// <summary>
/// Compounds stored as one Parquet file per chunk: the files a researcher downloads hold exactly the
/// compounds the API pages; a version stored in Table before Parquet keeps being served from there.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CompoundFilesIntegrationTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task A_versions_parquet_files_hold_exactly_the_compounds_the_api_pages()
    {
        string id = "pq" + Guid.NewGuid().ToString("N")[..8];
        using (var registered = await Client.RegisterAsync(new { id, bundled = "freesolv", chunkSize = 200 }))
        {
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        var version = await Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(120), () => fixture.Host.Log);
        int stored = version.GetProperty("stored").GetInt32();
        var listing = await Client.GetJsonAsync($"api/datasets/{id}/versions/1/files");
        var files = listing.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(4, files.Count); // 642 rows in chunks of 200
        Assert.Equal([1, 201, 401, 601], files.Select(f => f.GetProperty("firstRow").GetInt32()));
        Assert.Equal(stored, files.Sum(f => f.GetProperty("compounds").GetInt32()));

        // Read them as any Parquet reader would, from their read-only URLs.
        var fromFiles = new List<CompoundRecord>();
        using var http = new HttpClient();
        foreach (var file in files)
        {
            await using var content = new MemoryStream(await http.GetByteArrayAsync(file.GetProperty("url").GetString()));
            fromFiles.AddRange((await ParquetSerializer.DeserializeAsync<CompoundRecord>(content)).Data);
        }

        var paged = await Client.GetAllPagesAsync($"api/datasets/{id}/compounds");
        Assert.Equal(paged.Select(c => c.GetProperty("id").GetString()), fromFiles.Select(r => r.CompoundId));
        Assert.Equal(paged.Select(c => c.GetProperty("canonicalSmiles").GetString()), fromFiles.Select(r => r.CanonicalSmiles));
        Assert.All(fromFiles, r => Assert.Equal(256, r.Fingerprint.Length));
        Assert.Contains(fromFiles, r => r.Name == "methanesulfonyl chloride" && r.Value == -4.87);

        using var unknown = await Client.GetAsync($"api/datasets/{id}/versions/7/files");
        Assert.NotEqual(HttpStatusCode.OK, unknown.StatusCode);
    }

    [Fact]
    public async Task A_version_stored_in_table_before_parquet_is_still_served()
    {
        string id = "legacy" + Guid.NewGuid().ToString("N")[..8];
        var account = new StorageAccount(StorageAccount.DevelopmentConnectionString);
        var tables = new TableProvider(account);
        var datasets = new DatasetRepository(tables);
        var key = new DatasetVersionKey(id, 1);
        Assert.True(await datasets.TryAddAsync(new DatasetEntity { RowKey = id, Name = id, Bundled = "esol", SmilesColumn = "smiles", LatestVersion = 1, ReadyVersion = 1, CreatedAt = DateTimeOffset.UtcNow }));
        await datasets.UpsertVersionAsync(new DatasetVersionEntity { PartitionKey = id, RowKey = DatasetVersionEntity.RowKeyOf(1), Version = 1, Status = DatasetVersionStatus.Ready, InstanceId = "none", Stored = 2, TotalRows = 2 });
        var rows = new[] { ("CCO", "ethanol"), ("c1ccccc1O", "phenol") }.Select((c, i) => new CompoundEntity
        {
            PartitionKey = key.PartitionKey,
            RowKey = CompoundEntity.RowKeyOf(i + 1),
            CompoundId = CompoundEntity.IdOf(id, i + 1),
            DatasetId = id,
            Version = 1,
            RowNumber = i + 1,
            Line = i + 2,
            Name = c.Item2,
            Smiles = c.Item1,
            CanonicalSmiles = c.Item1,
            Fingerprint = new byte[256],
        }).ToList();
        await TableBatchWriter.UpsertAllAsync(await tables.GetAsync(StorageLayout.Compounds), rows);

        var page = await Client.GetJsonAsync($"api/datasets/{id}/compounds");
        Assert.Equal(["ethanol", "phenol"], page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        using var svg = await Client.GetAsync($"api/compounds/{id}-000002/depiction.svg");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        using var files = await Client.GetAsync($"api/datasets/{id}/versions/1/files");
        Assert.Equal(HttpStatusCode.Conflict, files.StatusCode);
        Assert.Contains("keeps its compounds in Table", await files.Content.ReadAsStringAsync());
    }
}
