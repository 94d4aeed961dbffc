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
    private Process? _process;

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
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Publishes (once) and starts a worker; waits until /healthz answers.</summary>
    public static async Task<ScreeningWorkerProcess> StartAsync(params string[] settings)
    {
        await Azurite.EnsureRunningAsync();
        string folder = await PublishAsync();
        var worker = new ScreeningWorkerProcess(LocalHostProcess.FreePort());
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var arg in (string[])[Path.Combine(folder, "MedEdu.ScreeningWorker.dll"), $"--urls={worker.Url}", $"--Worker:ApiKey={Key}", "--Screening:Accelerator=simd", "--Logging:LogLevel:Default=Warning", .. settings])
        {
            info.ArgumentList.Add(arg);
        }

        worker._process = Process.Start(info)!;
        worker._process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        worker._process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (worker._process.HasExited)
            {
                throw new InvalidOperationException($"worker exited with {worker._process.ExitCode}:\n{worker.Log}");
            }

            try
            {
                using var response = await worker.Anonymous.GetAsync("healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return worker;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"worker did not answer within 60 s:\n{worker.Log}");
    }

    /// <summary>Kills the worker at once, as a crash would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

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

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
