using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MedEdu.Pipeline.Tests.Infrastructure;

/// <summary>
/// The real local host (MedEdu.LocalHost) run as a child process on free ports with its own task
/// hub on Azurite, so tests exercise exactly what users run and can kill it mid-orchestration.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private ChildProcess? _process;

    private readonly string[] _settings;

    private LocalHostProcess(string taskHub, string[] settings)
    {
        _settings = settings;
        TaskHub = taskHub;
        ApiPort = FreePort();
        SidecarPort = FreePort();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ApiPort}/"), Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Add("x-functions-key", InstructorKey);
        Anonymous = new HttpClient { BaseAddress = Client.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Durable task hub of this host.</summary>
    public string TaskHub { get; }

    /// <summary>HTTP API port.</summary>
    public int ApiPort { get; }

    /// <summary>gRPC sidecar port.</summary>
    public int SidecarPort { get; }

    /// <summary>The instructor key this host is started with.</summary>
    public const string InstructorKey = "test-instructor-key";

    /// <summary>Client whose base address is the host's root; it sends the instructor key.</summary>
    public HttpClient Client { get; }

    /// <summary>Client without the instructor key (students, anonymous callers).</summary>
    public HttpClient Anonymous { get; }

    /// <summary>What the host printed so far (for failure messages).</summary>
    public string Log => ChildProcess.Text(_log);

    /// <summary>Starts a host on a fresh task hub and waits until its API answers.</summary>
    /// <param name="taskHub">Task hub name; a fresh one when null.</param>
    /// <param name="settings">Extra command-line settings, e.g. <c>--MedEdu:PubChemBaseUrl=...</c>.</param>
    public static async Task<LocalHostProcess> StartAsync(string? taskHub = null, params string[] settings)
    {
        await Azurite.EnsureRunningAsync();
        var host = new LocalHostProcess(taskHub ?? ("t" + Guid.NewGuid().ToString("N")[..12]), settings);
        await host.StartAsync();
        return host;
    }

    /// <summary>Starts (or restarts after <see cref="Kill"/>) the process and waits for /api/health.</summary>
    public async Task StartAsync()
    {
        if (!File.Exists(RepoPaths.LocalHostDll))
        {
            throw new InvalidOperationException($"{RepoPaths.LocalHostDll} is not built");
        }

        string[] arguments =
        [
            RepoPaths.LocalHostDll,
            $"--LocalHost:ApiPort={ApiPort}",
            $"--LocalHost:SidecarPort={SidecarPort}",
            $"--LocalHost:TaskHub={TaskHub}",
            "--MedEdu:AllowLoopbackSources=true",
            $"--MedEdu:InstructorKey={InstructorKey}",
            $"--MedEdu:BundledDatasetsPath={RepoPaths.Datasets}",
            "--Logging:LogLevel:Default=Warning",
            .. _settings,
        ];
        _process?.Dispose();
        _process = ChildProcess.Start(Path.GetDirectoryName(RepoPaths.LocalHostDll)!, arguments, _log);
        await _process.WaitUntilAnswersAsync(Client, "api/health", "local host");
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash would.</summary>
    public void Kill() => _process?.Kill();

    /// <summary>Stops the process as Ctrl-C does (SIGTERM); see <see cref="ChildProcess.StopAsync"/>.</summary>
    public Task<(int ExitCode, TimeSpan Took, TimeSpan Cpu)> StopAsync(TimeSpan timeout) =>
        _process?.StopAsync(timeout) ?? throw new InvalidOperationException("the host is not started");

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        Client.Dispose();
        Anonymous.Dispose();
        return ValueTask.CompletedTask;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
