using System.Diagnostics;
using MedEdu.Compute.Chemistry.Alerts;
using MedEdu.Compute.Chemistry.Descriptors;
using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Chemistry.Molecules;
using MedEdu.Compute.Chemistry.SmilesParse;

namespace MedEdu.Bench;

/// <summary>
/// SMILES parsing, Morgan fingerprints, Crippen logP/MR (about 110 atom-type SMARTS per atom) and the
/// PAINS + Brenk alerts (585 SMARTS per molecule) on AqSolDB, single-threaded, beside RDKit's in the
/// same run.
/// </summary>
internal static class ChemistryBenchmark
{
    private static readonly AlertFamily[] Families = [AlertFamily.Pains, AlertFamily.Brenk];

    public static int Run(string datasetsFolder, int repeats)
    {
        var smiles = Datasets.AqSolDbSmiles(datasetsFolder);
        Console.WriteLine($"chemistry: {smiles.Count} AqSolDB SMILES, best of {repeats} runs, one thread");

        // Warm up the JIT on a slice before timing.
        foreach (var s in smiles.Take(500))
        {
            var warm = SmilesParser.Parse(s);
            MorganFingerprint.BitVector(warm);
            Crippen.Compute(warm);
            AlertCatalog.Find(warm, Families);
        }

        double bestParse = double.MaxValue, bestFp = double.MaxValue, bestCrippen = double.MaxValue, bestAlerts = double.MaxValue;
        int flagged = 0;
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
            watch.Restart();
            double logP = 0;
            foreach (var m in molecules)
            {
                logP += Crippen.Compute(m).LogP;
            }

            bestCrippen = Math.Min(bestCrippen, watch.Elapsed.TotalSeconds);
            watch.Restart();
            flagged = 0;
            foreach (var m in molecules)
            {
                flagged += AlertCatalog.Find(m, Families).Count > 0 ? 1 : 0;
            }

            bestAlerts = Math.Min(bestAlerts, watch.Elapsed.TotalSeconds);
            GC.KeepAlive(checksum);
            GC.KeepAlive(logP);
        }

        double parseRate = smiles.Count / bestParse, fpRate = smiles.Count / bestFp;
        double crippenRate = smiles.Count / bestCrippen, alertsRate = smiles.Count / bestAlerts;
        string file = Path.GetTempFileName();
        File.WriteAllLines(file, smiles);
        var rdkit = RdkitBaseline.Run("rdkit_chemistry.py", file, repeats.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.Delete(file);

        var table = new Table("operation", "MedEdu /s", "RDKit /s", "ratio");
        double? rdParse = rdkit?.GetProperty("parse_per_s").GetDouble();
        double? rdFp = rdkit?.GetProperty("morgan_per_s").GetDouble();
        table.Add("SMILES parse + sanitize", parseRate.ToString("N0"), rdParse?.ToString("N0") ?? "n/a", rdParse is double p ? $"{parseRate / p:F2}x" : "n/a");
        table.Add("Morgan r=2 2048 bits", fpRate.ToString("N0"), rdFp?.ToString("N0") ?? "n/a", rdFp is double f ? $"{fpRate / f:F2}x" : "n/a");
        double? rdCrippen = rdkit?.GetProperty("crippen_per_s").GetDouble();
        double? rdAlerts = rdkit?.GetProperty("alerts_per_s").GetDouble();
        table.Add("Crippen logP + MR", crippenRate.ToString("N0"), rdCrippen?.ToString("N0") ?? "n/a", rdCrippen is double c ? $"{crippenRate / c:F2}x" : "n/a");
        table.Add("PAINS + Brenk (any alert)", alertsRate.ToString("N0"), rdAlerts?.ToString("N0") ?? "n/a", rdAlerts is double a ? $"{alertsRate / a:F2}x" : "n/a");
        table.Print();
        Console.WriteLine($"alerts: {flagged:N0} molecules flagged by MedEdu" + (rdkit?.GetProperty("flagged").GetInt32() is int rf ? $", {rf:N0} by RDKit" : ""));
        if (rdkit is { } info)
        {
            Console.WriteLine($"RDKit {info.GetProperty("version").GetString()} measured in the same run (Debian python3-rdkit)");
        }

        return 0;
    }
}
