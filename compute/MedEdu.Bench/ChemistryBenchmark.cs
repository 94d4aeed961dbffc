using System.Diagnostics;
using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Chemistry.Molecules;
using MedEdu.Compute.Chemistry.SmilesParse;

namespace MedEdu.Bench;

/// <summary>SMILES parsing and Morgan fingerprint throughput on AqSolDB, single-threaded, beside RDKit's in the same run.</summary>
internal static class ChemistryBenchmark
{
    public static int Run(string datasetsFolder, int repeats)
    {
        var smiles = Datasets.AqSolDbSmiles(datasetsFolder);
        Console.WriteLine($"chemistry: {smiles.Count} AqSolDB SMILES, best of {repeats} runs, one thread");

        // Warm up the JIT on a slice before timing.
        foreach (var s in smiles.Take(500))
        {
            MorganFingerprint.BitVector(SmilesParser.Parse(s));
        }

        double bestParse = double.MaxValue, bestFp = double.MaxValue;
        var molecules = new Molecule[smiles.Count];
        for (int r = 0; r < repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < smiles.Count; i++)
            {
                molecules[i] = SmilesParser.Parse(smiles[i]);
            }

            bestParse = Math.Min(bestParse, watch.Elapsed.TotalSeconds);
            watch.Restart();
            ulong checksum = 0;
            foreach (var m in molecules)
            {
                checksum ^= MorganFingerprint.BitVector(m)[0];
            }

            bestFp = Math.Min(bestFp, watch.Elapsed.TotalSeconds);
            GC.KeepAlive(checksum);
        }

        double parseRate = smiles.Count / bestParse, fpRate = smiles.Count / bestFp;
        string file = Path.GetTempFileName();
        File.WriteAllLines(file, smiles);
        var rdkit = RdkitBaseline.Run("rdkit_chemistry.py", file, repeats.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.Delete(file);

        var table = new Table("operation", "MedEdu /s", "RDKit /s", "ratio");
        double? rdParse = rdkit?.GetProperty("parse_per_s").GetDouble();
        double? rdFp = rdkit?.GetProperty("morgan_per_s").GetDouble();
        table.Add("SMILES parse + sanitize", parseRate.ToString("N0"), rdParse?.ToString("N0") ?? "n/a", rdParse is double p ? $"{parseRate / p:F2}x" : "n/a");
        table.Add("Morgan r=2 2048 bits", fpRate.ToString("N0"), rdFp?.ToString("N0") ?? "n/a", rdFp is double f ? $"{fpRate / f:F2}x" : "n/a");
        table.Print();
        if (rdkit is { } info)
        {
            Console.WriteLine($"RDKit {info.GetProperty("version").GetString()} measured in the same run (Debian python3-rdkit)");
        }

        return 0;
    }
}
