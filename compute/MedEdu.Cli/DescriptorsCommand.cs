using System.Globalization;
using MedEdu.Compute.Chemistry.Descriptors;
using MedEdu.Compute.Chemistry.SmilesParse;

namespace MedEdu.Cli;

/// <summary><c>mededu descriptors</c>: one CSV row of RDKit-named descriptors per input molecule.</summary>
internal static class DescriptorsCommand
{
    public const string Header = "id,smiles,MolWt,MolLogP,MolMR,TPSA,NumHDonors,NumHAcceptors,NumRotatableBonds,RingCount,NumAromaticRings,HeavyAtomCount,NumHeteroatoms,FractionCSP3,error";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = new Options(args, "--input", "--smiles-column", "--id-column", "--output");
        var input = MoleculeSource.Read(options.Required("--input"), options.Text("--smiles-column"), options.Text("--id-column"));
        using var output = Output.Open(options.Text("--output"), stdout);
        output.Writer.Write(Header + "\n");
        var progress = new Progress(stderr, "descriptors");
        int failed = 0;
        foreach (var line in OrderedParallel.Map(input, Row))
        {
            output.Writer.Write(line.Text);
            failed += line.Failed ? 1 : 0;
            progress.Tick();
        }

        stderr.WriteLine($"descriptors: {progress.Count:N0} molecules, {failed:N0} failed");
        return failed > 0 ? 1 : 0;
    }

    private static (string Text, bool Failed) Row(InputMolecule m)
    {
        string prefix = $"{Csv.Field(m.Id)},{Csv.Field(m.Smiles)},";
        if (m.Parse(out var error) is not { } molecule)
        {
            return (prefix + ",,,,,,,,,,,," + Csv.Field(error!) + "\n", true);
        }

        var d = DescriptorSet.Compute(molecule);
        var c = CultureInfo.InvariantCulture;
        return (prefix + string.Join(',',
            Math.Round(d.MolWt, 4).ToString(c), Math.Round(d.MolLogP, 4).ToString(c), Math.Round(d.MolMR, 4).ToString(c),
            Math.Round(d.TPSA, 2).ToString(c), d.NumHDonors.ToString(c), d.NumHAcceptors.ToString(c), d.NumRotatableBonds.ToString(c),
            d.RingCount.ToString(c), d.NumAromaticRings.ToString(c), d.HeavyAtomCount.ToString(c), d.NumHeteroatoms.ToString(c),
            Math.Round(d.FractionCSP3, 4).ToString(c)) + ",\n", false);
    }
}
