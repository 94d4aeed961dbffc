using System.Net;
using MedEdu.Pipeline.Tests.Infrastructure;
using MedEdu.Testing;

namespace MedEdu.Pipeline.Tests;

/// <summary>
/// The local host, model training on, is killed mid-ingestion and restarted: the durable orchestration
/// must finish exactly once. ESOL in chunks of 20 gives 57 activities to kill in the middle of, at a
/// ninth of AqSolDB's featurizing and training; <see cref="FaultInjectionTests"/> kills AqSolDB runs.
/// </summary>
[LongRunning(90)]
[Trait("Category", "Integration")]
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task IngestionSurvivesAKilledHostAndStoresEachCompoundOnce()
    {
        await using var host = await LocalHostProcess.StartAsync();
        string id = DatasetApi.UniqueId("crash");
        // Small chunks make the run long enough (57 activities) to be killed in the middle.
        using var response = await host.Client.RegisterAsync(new { id, bundled = "esol", chunkSize = 20 });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        int doneAtKill = -1, chunks = 0;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var status = await host.Client.GetJsonAsync($"api/datasets/{id}");
            if (status.GetProperty("ingestion").TryGetProperty("progress", out var progress)
                && progress.GetProperty("chunksDone").GetInt32() is int done and >= 3)
            {
                doneAtKill = done;
                chunks = progress.GetProperty("chunksTotal").GetInt32();
                break;
            }

            await Task.Delay(20);
        }

        Assert.True(chunks >= 50, $"{chunks} chunks planned");
        Assert.InRange(doneAtKill, 3, chunks - 1);
        host.Kill();
        await host.StartAsync();

        var version = await host.Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(180), () => host.Log);
        Assert.Equal("Ready", version.GetProperty("status").GetString());
        Assert.Equal(1128, version.GetProperty("totalRows").GetInt32());
        int stored = version.GetProperty("stored").GetInt32();
        int quarantined = version.GetProperty("quarantined").GetInt32();
        Assert.Equal(1128, stored + quarantined);

        var compounds = await host.Client.GetAllPagesAsync($"api/datasets/{id}/compounds");
        var rows = compounds.Select(c => c.GetProperty("rowNumber").GetInt32()).ToList();
        Assert.Equal(stored, rows.Count);
        Assert.Equal(rows.Count, rows.Distinct().Count());
        var quarantinedRows = await host.Client.GetAllPagesAsync($"api/datasets/{id}/quarantine");
        Assert.Equal(quarantined, quarantinedRows.Count);
        Assert.Equal(Enumerable.Range(1, 1128), rows.Concat(quarantinedRows.Select(q => q.GetProperty("rowNumber").GetInt32())).Order());
    }
}
