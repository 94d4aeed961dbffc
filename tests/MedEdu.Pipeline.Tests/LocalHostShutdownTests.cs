using System.Net;
using MedEdu.Pipeline.Tests.Infrastructure;

namespace MedEdu.Pipeline.Tests;

/// <summary>
/// Ctrl-C on the main command (and every test or script that stops a host with SIGTERM): the host
/// that has just run an ingestion exits cleanly and promptly. It used to wait out the web server's
/// 30 s shutdown timeout for the worker's open work-item stream, with the sidecar's dispatchers
/// polling the stopped backend at two cores meanwhile.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LocalHostShutdownTests
{
    [Fact]
    public async Task A_host_stops_on_sigterm_within_seconds_without_spinning()
    {
        await using var host = await LocalHostProcess.StartAsync(null, "--MedEdu:TrainModels=false");
        string id = DatasetApi.UniqueId("stop");
        using (var response = await host.Client.RegisterAsync(new { id, bundled = "freesolv" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        DatasetApi.AssertReady(await host.Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(90), () => host.Log));

        var (exitCode, took, cpu) = await host.StopAsync(TimeSpan.FromSeconds(25));

        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{host.Log}");
        Assert.True(took < TimeSpan.FromSeconds(10), $"stopping took {took.TotalSeconds:0.0} s");
        Assert.True(cpu < TimeSpan.FromSeconds(10), $"stopping spent {cpu.TotalSeconds:0.0} s of CPU");
    }
}
