using System.IO.Compression;

namespace MedEdu.Cli.Tests;

/// <summary><c>mededu alerts</c> against RDKit 2022.09's FilterCatalog (tests/reference/rdkit_alerts.tsv.gz).</summary>
public sealed class AlertsCommandTests
{
    [Trait("Category", "Slow")]
    [Fact]
    public void Alerts_of_bbbp_agree_with_rdkit_on_whether_each_molecule_has_a_pains_or_brenk_alert()
    {
        var (code, output, error) = CliRunner.Run("alerts", "--input", CliRunner.Dataset("bbbp.csv"), "--smiles-column", "smiles");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,pains,brenk,alerts,error", lines[0]);
        Assert.Equal(2050 + 1, lines.Length);
        Assert.Contains("2,050 molecules", error);
        Assert.Equal(1, code); // BBBP has SMILES no parser accepts (valence errors); each is named in the error column

        var reference = ReferenceRows("bbbp").ToDictionary(r => r.Row);
        int compared = 0, pains = 0, brenk = 0;
        for (int row = 1; row < lines.Length; row++)
        {
            var f = Fields(lines[row]);
            if (f[4].Length > 0 || !reference.TryGetValue(row, out var r) || !r.Parsed)
            {
                continue;
            }

            compared++;
            pains += (int.Parse(f[1]) > 0) == (r.Pains > 0) ? 1 : 0;
            brenk += (int.Parse(f[2]) > 0) == (r.Brenk > 0) ? 1 : 0;
        }

        Assert.True(compared > 2000, $"{compared} compared");
        Assert.True(pains >= 0.995 * compared, $"any PAINS agrees for {pains}/{compared}");
        Assert.True(brenk >= 0.99 * compared, $"any Brenk agrees for {brenk}/{compared}");
    }

    [Fact]
    public void One_catalog_leaves_the_other_column_empty_and_names_each_alert()
    {
        string path = Path.GetTempFileName() + ".smi";
        File.WriteAllLines(path, ["O=C1NC(=S)SC1=Cc1ccccc1 rhodanine", "Oc1ccccc1O catechol", "CCO ethanol", "C1CC bad"]);
        var (code, output, _) = CliRunner.Run("alerts", "--input", path, "--catalog", "pains");
        File.Delete(path);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, code);
        Assert.Equal("rhodanine,1,,ene_rhod_A(235),", lines[1]);
        Assert.Equal("catechol,1,,catechol_A(92),", lines[2]); // RDKit agrees: catechols are PAINS family A
        Assert.Equal("ethanol,0,,,", lines[3]);
        Assert.StartsWith("bad,,,,", lines[4]);
        Assert.Contains("ring", lines[4]); // the parser names the unclosed ring
    }

    [Fact]
    public void An_unknown_catalog_is_a_usage_error() =>
        Assert.Equal(2, CliRunner.Run("alerts", "--input", CliRunner.Dataset("esol-delaney.csv"), "--catalog", "zinc").Code);

    private static string[] Fields(string line) =>
        MedEdu.Compute.Data.CsvFieldParser.TryParse(System.Text.Encoding.UTF8.GetBytes(line), out var fields, out var error) ? fields : throw new InvalidDataException(error);

    private static IEnumerable<(int Row, bool Parsed, int Pains, int Brenk)> ReferenceRows(string dataset)
    {
        string path = Path.Combine(Path.GetDirectoryName(CliRunner.Reference())!, "rdkit_alerts.tsv.gz");
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var f = line.Split('\t');
            if (f[0] == dataset)
            {
                bool parsed = f[3] == "1";
                yield return (int.Parse(f[1]), parsed, parsed ? int.Parse(f[4]) : 0, parsed ? int.Parse(f[5]) : 0);
            }
        }
    }
}
