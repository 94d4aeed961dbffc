using System.Diagnostics;
using System.Text.Json;

namespace MedEdu.Bench;

/// <summary>Runs an RDKit baseline script with Debian's python3-rdkit and reads its JSON result, if RDKit is there.</summary>
internal static class RdkitBaseline
{
    public const string Python = "/usr/bin/python3";

    public static JsonElement? Run(string script, params string[] args)
    {
        if (!File.Exists(Python))
        {
            return null;
        }

        var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "baselines", script));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"RDKit baseline unavailable ({script} exited {process.ExitCode}): {error.Trim().Split('\n').LastOrDefault()}");
            return null;
        }

        return JsonDocument.Parse(output.Trim().Split('\n').Last()).RootElement.Clone();
    }
}
