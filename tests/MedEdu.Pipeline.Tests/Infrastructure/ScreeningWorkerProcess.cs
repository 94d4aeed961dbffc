using System.Diagnostics;
using System.Net;
using System.Text;

namespace MedEdu.Pipeline.Tests.Infrastructure;

/// <summary>
/// The screening worker as its container runs it: published with the Dockerfile's
/// <c>dotnet publish</c> command (once per test run), started from the published folder on a free
/// port against Azurite.
/// </summary>
public sealed class ScreeningWorkerProcess : IAsyncDisposable
{
    /// <summary>The key the worker is started with.</summary>
    public const string Key = "test-worker-key";

    private static readonly SemaphoreSlim PublishGate = new(1, 1);
    private static string? _published;
    private readonly StringBuilder _log = new();
    private ChildProcess? _process;

    private ScreeningWorkerProcess(int port)
    {
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri(Url + "/"), Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Add("x-worker-key", Key);
        Anonymous = new HttpClient { BaseAddress = Client.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The worker's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The worker's base URL.</summary>
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>A client that sends the key.</summary>
    public HttpClient Client { get; }

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>What the worker printed so far.</summary>
    public string Log => ChildProcess.Text(_log);

    /// <summary>Publishes (once) and starts a worker; waits until /healthz answers.</summary>
    public static async Task<ScreeningWorkerProcess> StartAsync(params string[] settings)
    {
        await Azurite.EnsureRunningAsync();
        string folder = await PublishAsync();
        var worker = new ScreeningWorkerProcess(LocalHostProcess.FreePort());
        worker._process = ChildProcess.Start(folder,
            [Path.Combine(folder, "MedEdu.ScreeningWorker.dll"), $"--urls={worker.Url}", $"--Worker:ApiKey={Key}", "--Screening:Accelerator=simd", "--Logging:LogLevel:Default=Warning", .. settings],
            worker._log);
        await worker._process.WaitUntilAnswersAsync(worker.Anonymous, "healthz", "worker");
        return worker;
    }

    /// <summary>Kills the worker at once, as a crash would.</summary>
    public void Kill() => _process?.Kill();

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        Client.Dispose();
        Anonymous.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The Dockerfile's publish command, run once into a folder of the test run.</summary>
    private static async Task<string> PublishAsync()
    {
        await PublishGate.WaitAsync();
        try
        {
            if (_published is not null)
            {
                return _published;
            }

            string output = Path.Combine(AppContext.BaseDirectory, "published-worker");
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
            foreach (var arg in new[] { "publish", "compute/MedEdu.ScreeningWorker/MedEdu.ScreeningWorker.csproj", "-c", "Release", "-o", output })
            {
                info.ArgumentList.Add(arg);
            }

            using var publish = Process.Start(info)!;
            var stdout = publish.StandardOutput.ReadToEndAsync();
            var stderr = publish.StandardError.ReadToEndAsync();
            await publish.WaitForExitAsync();
            if (publish.ExitCode != 0 || !File.Exists(Path.Combine(output, "MedEdu.ScreeningWorker.dll")))
            {
                throw new InvalidOperationException($"dotnet publish of the worker failed ({publish.ExitCode}):\n{await stdout}\n{await stderr}");
            }

            return _published = output;
        }
        finally
        {
            PublishGate.Release();
        }
    }
}
