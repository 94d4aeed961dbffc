using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Data;

namespace MedEdu.Compute.Tests.Data;

/// <summary>The SYNTHETIC scale-test library: valid, distinct, labelled as synthetic, and the same for the same seed.</summary>
public sealed class SyntheticLibraryTests
{
    private static readonly string[] Cores = File.ReadLines(Path.Combine(TestData.DatasetsFolder, "esol-delaney.csv")).Skip(1).Select(l => l.Split(',')[^1]).ToArray();

    [Trait("Category", "Slow")]
    [Fact]
    public void Every_compound_is_valid_new_and_says_synthetic()
    {
        var library = SyntheticLibrary.Generate(Cores, 2000, seed: 4).ToList();
        Assert.Equal(2000, library.Count);
        Assert.Equal(2000, library.Select(c => c.Smiles).Distinct().Count());
        Assert.All(library, c => Assert.StartsWith("SYNTHETIC-", c.Id));
        Assert.All(library, c => Assert.Equal(c.Smiles, SmilesWriter.Write(SmilesParser.Parse(c.Smiles))));
        var original = Cores.Select(s => SmilesWriter.Write(SmilesParser.Parse(s))).ToHashSet();
        // A substituent sometimes turns one bundled molecule into another (a methyl on benzene is toluene).
        Assert.True(library.Count(c => !original.Contains(c.Smiles)) > 1800, "substituents make new molecules");
    }

    [Fact]
    public void The_same_seed_gives_the_same_library()
    {
        Assert.Equal(SyntheticLibrary.Generate(Cores, 300, seed: 9), SyntheticLibrary.Generate(Cores, 300, seed: 9));
        Assert.NotEqual(SyntheticLibrary.Generate(Cores, 300, seed: 9), SyntheticLibrary.Generate(Cores, 300, seed: 10));
    }
}
