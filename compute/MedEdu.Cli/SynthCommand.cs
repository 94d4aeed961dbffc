using MedEdu.Compute.Data;

namespace MedEdu.Cli;

/// <summary>
/// <c>mededu synth</c>: a seeded SYNTHETIC library for scale tests (<see cref="SyntheticLibrary"/>),
/// written as CSV <c>id,smiles,logp</c> — the logP is computed, not measured.
/// </summary>
internal static class SynthCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = new Options(args, "--count", "--seed", "--output", "--datasets");
        int count = options.Int("--count", 100_000, 1, 10_000_000);
        int seed = options.Int("--seed", 1, 0, int.MaxValue);
        string folder = options.Text("--datasets") ?? "datasets";
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csv") : [];
        if (files.Length == 0)
        {
            throw new UsageException($"no CSV files in '{folder}' to take cores from (--datasets)");
        }

        var cores = files.SelectMany(f => MoleculeSource.Read(f, SmilesColumnOf(f), null)).Select(m => m.Smiles).ToList();
        using var output = options.Text("--output") is { } path ? new StreamWriter(path) : null;
        var writer = output ?? stdout;
        writer.WriteLine("id,smiles,logp");
        int written = 0;
        foreach (var c in SyntheticLibrary.Generate(cores, count, seed))
        {
            writer.Write(Csv.Field(c.Id));
            writer.Write(',');
            writer.Write(Csv.Field(c.Smiles));
            writer.Write(',');
            writer.WriteLine(c.LogP.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            if (++written % 100_000 == 0)
            {
                stderr.WriteLine($"synth: {written:N0} compounds...");
            }
        }

        stderr.WriteLine($"synth: {written:N0} SYNTHETIC compounds from {cores.Count:N0} cores (seed {seed})");
        return 0;
    }

    private static string SmilesColumnOf(string csv)
    {
        string header = File.ReadLines(csv).First();
        return header.Split(',').FirstOrDefault(h => h.Trim().Equals("smiles", StringComparison.OrdinalIgnoreCase))?.Trim() ?? "smiles";
    }
}
