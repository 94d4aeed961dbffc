using System.Net;

namespace MedEdu.Pipeline.Tests.Infrastructure;

/// <summary>
/// The test assembly's one local host with default settings, and the bundled datasets it has
/// ingested, shared by every test class that needs nothing of its own: starting a host and ingesting
/// ESOL or BBBP once instead of once per class is most of what made the suite slow. Classes still run
/// in parallel against it, as students do against a real instance; each uses its own ids. The host
/// is killed when the test process exits. Tests that kill a host or need other settings start their
/// own <see cref="LocalHostProcess"/>.
/// </summary>
public static class SharedLocalHost
{
    private static readonly Lazy<Task<LocalHostProcess>> Started = new(StartAsync);
    private static readonly Lazy<Task<string>> Esol = new(() => IngestAsync("esol", TimeSpan.FromSeconds(120)));
    private static readonly Lazy<Task<string>> Bbbp = new(() => IngestAsync("bbbp", TimeSpan.FromSeconds(240)));

    /// <summary>
    /// How long the shared host hides a taken durable message: shorter than its model trainings, so
    /// that an activity handed out twice because its lock lapsed shows in its log.
    /// </summary>
    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The running shared host (started on first use).</summary>
    public static Task<LocalHostProcess> HostAsync() => Started.Value;

    /// <summary>The id of the bundled ESOL ingested on the shared host (version 1, Ready).</summary>
    public static Task<string> EsolAsync() => Esol.Value;

    /// <summary>The id of the bundled BBBP ingested on the shared host (version 1, Ready).</summary>
    public static Task<string> BbbpAsync() => Bbbp.Value;

    private static async Task<LocalHostProcess> StartAsync()
    {
        var host = await LocalHostProcess.StartAsync(null, $"--LocalHost:MessageVisibilityTimeout={VisibilityTimeout:c}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => host.Kill();
        return host;
    }

    private static async Task<string> IngestAsync(string bundled, TimeSpan timeout)
    {
        var host = await HostAsync();
        string id = DatasetApi.UniqueId($"{bundled}shared");
        using (var r = await host.Client.RegisterAsync(new { id, bundled }))
        {
            Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);
        }

        DatasetApi.AssertReady(await host.Client.WaitForVersionAsync(id, 1, timeout, () => host.Log));
        return id;
    }
}
