using System.Diagnostics;
using System.Net.Sockets;

namespace MedEdu.Pipeline.Tests.Infrastructure;

/// <summary>Makes sure the real Azurite answers on 127.0.0.1 before integration tests use it.</summary>
public static class Azurite
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Azurite's development connection string.</summary>
    public const string ConnectionString = "UseDevelopmentStorage=true";

    /// <summary>Starts Azurite with the repository's script unless blob, queue and table already answer.</summary>
    public static async Task EnsureRunningAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (await AnswersAsync())
            {
                return;
            }

            var start = Process.Start(new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "azurite.sh"), "start"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            string output = await start.StandardOutput.ReadToEndAsync() + await start.StandardError.ReadToEndAsync();
            await start.WaitForExitAsync();
            if (start.ExitCode != 0 || !await AnswersAsync())
            {
                throw new InvalidOperationException("Azurite did not start: " + output);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<bool> AnswersAsync()
    {
        foreach (int port in new[] { 10000, 10001, 10002 })
        {
            using var socket = new TcpClient();
            try
            {
                await socket.ConnectAsync("127.0.0.1", port);
            }
            catch (SocketException)
            {
                return false;
            }
        }

        return true;
    }
}
