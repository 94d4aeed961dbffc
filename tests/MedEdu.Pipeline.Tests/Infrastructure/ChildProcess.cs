using System.Diagnostics;
using System.Net;
using System.Text;

namespace MedEdu.Pipeline.Tests.Infrastructure;

/// <summary>
/// A <c>dotnet</c> child process (the local host, the screening worker) whose output is kept in a
/// log the test can show, started and waited for until an HTTP route answers 200.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log;

    private ChildProcess(Process process, StringBuilder log)
    {
        _process = process;
        _log = log;
    }

    /// <summary>Starts <c>dotnet</c> with <paramref name="arguments"/>, appending its output to <paramref name="log"/>.</summary>
    public static ChildProcess Start(string workingDirectory, IEnumerable<string> arguments, StringBuilder log)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var arg in arguments)
        {
            info.ArgumentList.Add(arg);
        }

        var child = new ChildProcess(Process.Start(info)!, log);
        child._process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200; throws with the log when the process exits or 60 s pass.</summary>
    public async Task WaitUntilAnswersAsync(HttpClient client, string path, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{what} exited with {_process.ExitCode}:\n{Text(_log)}");
            }

            try
            {
                using var response = await client.GetAsync(path);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{what} did not answer within 60 s:\n{Text(_log)}");
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>
    /// Asks the process to stop (SIGTERM, as Ctrl-C or a container stop does) and waits up to
    /// <paramref name="timeout"/>; answers its exit code, its wall time and the CPU time it spent stopping.
    /// </summary>
    public async Task<(int ExitCode, TimeSpan Took, TimeSpan Cpu)> StopAsync(TimeSpan timeout)
    {
        var cpuBefore = _process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var cancel = new CancellationTokenSource(timeout);
        var cpu = TimeSpan.Zero;
        try
        {
            // The CPU time is read while the process can still be asked; the last reading counts.
            while (!_process.HasExited)
            {
                cpu = _process.TotalProcessorTime - cpuBefore;
                await Task.Delay(100, cancel.Token);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the process did not stop within {timeout.TotalSeconds:0} s of SIGTERM:\n{Text(_log)}");
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the reading.
        }

        await _process.WaitForExitAsync();
        return (_process.ExitCode, clock.Elapsed, cpu);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    /// <summary>The log so far, read under its lock.</summary>
    public static string Text(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
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
