using System.Globalization;
using MedEdu.Compute.Chemistry.Descriptors;
using MedEdu.Compute.Chemistry.SmilesParse;

namespace MedEdu.Cli;

/// <summary><c>mededu validate</c>: an instructor's pre-flight check of a CSV before it is scheduled for ingestion.</summary>
internal static class ValidateCommand
{
    private static readonly string[] RangeNames = ["MolWt", "MolLogP", "TPSA", "NumHDonors", "NumHAcceptors", "NumRotatableBonds"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = new Options(args, "--input", "--smiles-column", "--id-column");
        string path = options.Required("--input");
        var input = MoleculeSource.Read(path, options.Required("--smiles-column"), options.Text("--id-column"));
        var failures = new List<string>();
        var byCanonical = new Dictionary<string, List<int>>();
        var ranges = RangeNames.Select(_ => (Min: double.MaxValue, Max: double.MinValue, Sum: 0.0)).ToArray();
        int rows = 0, ok = 0, lipinskiFails = 0, veberFails = 0;
        var progress = new Progress(stderr, "validate");
        foreach (var (m, canonical, d, error) in OrderedParallel.Map(input, Check))
        {
            rows++;
            progress.Tick();
            if (d is null)
            {
                failures.Add($"row {m.Row} ({m.Id}): {error}");
                continue;
            }

            ok++;
            (byCanonical.TryGetValue(canonical!, out var list) ? list : byCanonical[canonical!] = []).Add(m.Row);
            double[] values = [d.MolWt, d.MolLogP, d.TPSA, d.NumHDonors, d.NumHAcceptors, d.NumRotatableBonds];
            for (int i = 0; i < values.Length; i++)
            {
                ranges[i] = (Math.Min(ranges[i].Min, values[i]), Math.Max(ranges[i].Max, values[i]), ranges[i].Sum + values[i]);
            }

            lipinskiFails += d.PassesLipinski ? 0 : 1;
            veberFails += d.PassesVeber ? 0 : 1;
        }

        var w = stdout;
        var c = CultureInfo.InvariantCulture;
        w.WriteLine($"file: {path}");
        w.WriteLine($"rows: {rows}, parsed: {ok}, failed: {failures.Count}");
        foreach (var f in failures)
        {
            w.WriteLine($"  {f}");
        }

        var duplicates = byCanonical.Where(p => p.Value.Count > 1).OrderBy(p => p.Value[0]).ToList();
        w.WriteLine($"duplicate structures: {duplicates.Count}");
        foreach (var (canonical, rowsOf) in duplicates)
        {
            w.WriteLine($"  rows {string.Join(", ", rowsOf)}: {canonical}");
        }

        if (ok > 0)
        {
            w.WriteLine("descriptor ranges (min / mean / max):");
            for (int i = 0; i < RangeNames.Length; i++)
            {
                w.WriteLine(string.Create(c, $"  {RangeNames[i],-18} {ranges[i].Min,10:F2} {ranges[i].Sum / ok,10:F2} {ranges[i].Max,10:F2}"));
            }

            w.WriteLine($"outside Lipinski's rule of five (2+ violations): {lipinskiFails}; outside Veber: {veberFails}");
        }

        return failures.Count > 0 ? 1 : 0;
    }

    private static (InputMolecule M, string? Canonical, DescriptorSet? D, string? Error) Check(InputMolecule m)
    {
        if (m.RowError is not null)
        {
            return (m, null, null, m.RowError);
        }

        if (m.Smiles.Length == 0)
        {
            return (m, null, null, "empty SMILES");
        }

        if (!SmilesParser.TryParse(m.Smiles, out var molecule, out var error))
        {
            return (m, null, null, $"position {error!.Position}: {error.Reason}");
        }

        return (m, SmilesWriter.Write(molecule!), DescriptorSet.Compute(molecule!), null);
    }
}
