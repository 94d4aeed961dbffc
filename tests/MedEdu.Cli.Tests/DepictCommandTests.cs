using System.Xml.Linq;

namespace MedEdu.Cli.Tests;

public sealed class DepictCommandTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void OneSmilesIsDrawnToStandardOutput()
    {
        var (code, output, _) = CliRunner.Run("depict", "--smiles", "CC(=O)Oc1ccccc1C(=O)O", "--aromatic", "circles");
        Assert.Equal(0, code);
        var svg = XDocument.Parse(output);
        Assert.Equal("CC(=O)Oc1ccccc1C(=O)O", svg.Root!.Element(Svg + "title")!.Value);
        // Aspirin: four oxygens labelled (the acid one with its H, on whichever side is free), one aromatic ring drawn as a circle.
        var labels = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal(4, labels.Count);
        Assert.Single(labels, l => l is "OH" or "HO");
        Assert.Single(svg.Descendants(Svg + "circle"));
    }

    [Theory]
    [InlineData("logp", null, 12, "raises logP (lipophilic)")] // the acid OH shares almost nothing (0.009)
    [InlineData("tpsa", null, 4, "polar surface; size = share of TPSA 63.6 Å²")]
    [InlineData("similarity", "Oc1ccccc1C(=O)O", 13, "environment shared with Oc1ccccc1C(=O)O")]
    [InlineData("alerts", null, 10, "Brenk: phenol_ester")] // the phenyl ring, O, C(=O) and methyl of c1ccccc1OC(=O)[#6]
    public void A_highlight_colours_atoms_and_explains_itself_in_a_legend(string kind, string? query, int halos, string firstLegendLine)
    {
        string[] args = ["depict", "--smiles", "CC(=O)Oc1ccccc1C(=O)O", "--highlight", kind];
        var (code, output, error) = CliRunner.Run(query is null ? args : [.. args, "--query", query]);
        Assert.True(code == 0, error);
        var svg = XDocument.Parse(output);
        Assert.Equal(halos, svg.Descendants(Svg + "circle").Count(c => (string?)c.Attribute("class") == "highlight"));
        var legend = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend");
        Assert.Equal(firstLegendLine, legend.Elements(Svg + "text").First().Value);
    }

    [Theory]
    [InlineData("--highlight", "similarity")]
    [InlineData("--highlight", "charge")]
    [InlineData("--query", "c1ccccc1")]
    public void A_highlight_that_cannot_be_drawn_is_a_usage_error(string option, string value)
    {
        var (code, _, error) = CliRunner.Run("depict", "--smiles", "CCO", option, value);
        Assert.Equal(2, code);
        Assert.Contains(option == "--query" ? "--query is for --highlight similarity" : value == "charge" ? "must be one of" : "needs --query", error);
    }

    [Fact]
    public void EveryRowOfAFileBecomesOneDrawingNamedByItsId()
    {
        string folder = Path.Combine(Path.GetTempPath(), "mededu-depict-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (code, _, error) = CliRunner.Run("depict", "--input", CliRunner.Dataset("esol-delaney.csv"), "--smiles-column", "smiles", "--id-column", "Compound ID", "--output", folder);
            Assert.Equal(0, code);
            Assert.Contains("1128 drawings", error);
            Assert.Equal(1128, Directory.GetFiles(folder, "*.svg").Length);
            var amygdalin = XDocument.Load(Path.Combine(folder, "Amigdalin.svg"));
            Assert.Equal(12, amygdalin.Descendants(Svg + "text").Count()); // C20H27NO11: 11 O + 1 N
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(1, "invalid SMILES at position", "depict", "--smiles", "C1CC")]
    [InlineData(2, "give exactly one of --smiles and --input", "depict")]
    [InlineData(2, "--aromatic must be kekule or circles", "depict", "--smiles", "C", "--aromatic", "dots")]
    public void MistakesAreExplainedWithTheirExitCode(int expected, string message, params string[] args)
    {
        var (code, _, error) = CliRunner.Run(args);
        Assert.Equal(expected, code);
        Assert.Contains(message, error);
    }
}
