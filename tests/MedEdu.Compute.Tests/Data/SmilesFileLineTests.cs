using MedEdu.Compute.Data;

namespace MedEdu.Compute.Tests.Data;

/// <summary>Lines of a SMILES file as the Daylight format writes them: structure, whitespace, optional name.</summary>
public sealed class SmilesFileLineTests
{
    [Theory]
    [InlineData("CCO ethanol", "CCO", "ethanol")]
    [InlineData("c1ccccc1\tbenzene", "c1ccccc1", "benzene")]
    [InlineData("  CC(=O)Oc1ccccc1C(=O)O   acetylsalicylic acid  ", "CC(=O)Oc1ccccc1C(=O)O", "acetylsalicylic acid")]
    [InlineData("O", "O", null)]
    [InlineData("N \t ", "N", null)]
    public void A_line_is_its_structure_then_its_name(string line, string smiles, string? name) =>
        Assert.Equal(new SmilesFileLine(smiles, name), SmilesFileLine.Parse(line));

    [Theory]
    [InlineData("")]
    [InlineData(" \t ")]
    public void A_blank_line_is_nothing(string line) => Assert.Null(SmilesFileLine.Parse(line));
}
