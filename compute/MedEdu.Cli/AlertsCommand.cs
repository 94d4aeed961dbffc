using System.Globalization;
using MedEdu.Compute.Chemistry.Alerts;

namespace MedEdu.Cli;

/// <summary>
/// <c>mededu alerts</c>: which PAINS and Brenk structural alerts each input molecule raises. One CSV
/// row per molecule: the number of distinct alerts per catalog (empty for a catalog not asked for)
/// and their names joined by ';'.
/// </summary>
internal static class AlertsCommand
{
    public const string Header = "id,pains,brenk,alerts,error";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = new Options(args, "--input", "--catalog", "--smiles-column", "--id-column", "--output");
        var families = AlertCatalog.Families(options.Choice("--catalog", "all", "pains", "brenk", "all"))!;
        var input = MoleculeSource.Read(options.Required("--input"), options.Text("--smiles-column"), options.Text("--id-column"));
        using var output = Output.Open(options.Text("--output"), stdout);
        output.Writer.Write(Header + "\n");
        var progress = new Progress(stderr, "alerts");
        int failed = 0, flagged = 0;
        foreach (var line in OrderedParallel.Map(input, m => Row(m, families)))
        {
            output.Writer.Write(line.Text);
            failed += line.Failed ? 1 : 0;
            flagged += line.Flagged ? 1 : 0;
            progress.Tick();
        }

        stderr.WriteLine($"alerts: {progress.Count:N0} molecules, {flagged:N0} with an alert, {failed:N0} failed");
        return failed > 0 ? 1 : 0;
    }

    private static (string Text, bool Failed, bool Flagged) Row(InputMolecule m, IReadOnlyList<AlertFamily> families)
    {
        if (m.Parse(out var error) is not { } molecule)
        {
            return ($"{Csv.Field(m.Id)},,,,{Csv.Field(error!)}\n", true, false);
        }

        var found = AlertCatalog.Find(molecule, families);
        string Count(AlertFamily family) => families.Contains(family)
            ? found.Count(a => a.Alert.Family == family).ToString(CultureInfo.InvariantCulture)
            : "";
        string names = string.Join(';', found.Select(a => a.Alert.Name));
        return ($"{Csv.Field(m.Id)},{Count(AlertFamily.Pains)},{Count(AlertFamily.Brenk)},{Csv.Field(names)},\n", false, found.Count > 0);
    }
}
