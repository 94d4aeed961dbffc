using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Chemistry.Substruct;

namespace MedEdu.Compute.Tests.Chemistry.Substruct;

/// <summary>
/// The element screen in front of the SMARTS search: each query atom's element set is what its
/// expression allows per Daylight's grammar (never narrower), and a pattern is skipped only for a
/// molecule that lacks the atoms it needs.
/// </summary>
public class SmartsScreenTests
{
    [Theory]
    [InlineData("[#7,#8]", "7,8")]
    [InlineData("[N,n;H1]", "7")]
    [InlineData("[Cl]", "17")]
    [InlineData("Cl", "17")]
    [InlineData("Br", "35")]
    [InlineData("[Hg]", "80")]
    [InlineData("[H]", "1")]
    [InlineData("[2H]", "1")]
    [InlineData("[CH3]", "6")]
    [InlineData("[as]", "33")]
    [InlineData("[se]", "34")]
    [InlineData("[Al]", "13")]
    [InlineData("c", "6")]
    [InlineData("[C&R,c]", "6")]
    [InlineData("[#6;!$(C=O)]", "6")]
    [InlineData("[O,S;X1]", "8,16")]
    [InlineData("[!#6]", "any")]
    [InlineData("[$(C=O)]", "any")]
    [InlineData("[R2]", "any")]
    [InlineData("*", "any")]
    [InlineData("a", "any")]
    [InlineData("[N,!O]", "any")]
    [InlineData("[C,N;!#7]", "6,7")]
    public void A_query_atom_allows_the_elements_its_expression_names(string smarts, string expected)
    {
        var elements = SmartsPattern.Parse(smarts).Atoms[0].Elements;
        string actual = elements.IsAny ? "any" : string.Join(',', Enumerable.Range(0, 128).Where(elements.Contains));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Merged_hydrogens_keep_their_heavy_atoms_elements()
    {
        var pattern = SmartsPattern.ParseMergingHydrogens("[#6](-[#1])=[#8]");
        Assert.Equal(2, pattern.Atoms.Count);
        Assert.Equal(6, pattern.Atoms[0].Elements.Single);
        Assert.True(pattern.IsMatch(SmilesParser.Parse("CC=O")));
        Assert.False(pattern.IsMatch(SmilesParser.Parse("CC(C)=O")));
    }

    [Theory]
    [InlineData("C(=O)Cl", "CC(=O)Cl", true)]
    [InlineData("C(=O)Cl", "CC(=O)O", false)] // no chlorine: screened out
    [InlineData("ClCCCl", "ClCC", false)] // needs two chlorines
    [InlineData("ClCCCl", "ClCCCl", true)]
    [InlineData("[N,O]~[N,O]", "CCNO", true)]
    [InlineData("[N,O]~[N,O]", "CCCC", false)] // no atom of the set
    [InlineData("[!#6]C", "CCCC", false)] // the search decides (the screen lets it through)
    [InlineData("[!#6]C", "CCCN", true)]
    public void The_screen_refuses_only_molecules_that_lack_the_needed_atoms(string smarts, string smiles, bool matches)
    {
        var pattern = SmartsPattern.Parse(smarts);
        var target = new MatchTarget(SmilesParser.Parse(smiles));
        Assert.Equal(matches, pattern.IsMatch(target));
        if (matches)
        {
            Assert.True(pattern.MayOccurIn(target));
        }
    }
}
