using MedEdu.Pipeline.Datasets;

namespace MedEdu.Pipeline.Tests.Unit;

/// <summary>What a dataset's value means: defaults by source, the instructor's words, and mistakes named.</summary>
public sealed class PropertyRegistrationTests
{
    private static readonly SourceUrlPolicy Policy = new PipelineOptions().UrlPolicy;

    private static ValidatedRegistration? Validate(DatasetRegistration registration, out string? error) =>
        DatasetRegistrationValidator.Validate(registration, Policy, out error);

    [Fact]
    public void BundledDatasetsCarryTheirPublishedWordsAndErrors()
    {
        var esol = Validate(new DatasetRegistration { Bundled = "esol" }, out _)!.Property;
        Assert.Equal(("aqueous solubility", "log S", "log(mol/L)", 0.5), (esol.Name, esol.Symbol, esol.Unit, esol.ExperimentalError));
        Assert.Equal(0.6, Validate(new DatasetRegistration { Bundled = "freesolv" }, out _)!.Property.ExperimentalError);
        var bbbp = Validate(new DatasetRegistration { Bundled = "bbbp" }, out _)!.Property;
        Assert.Equal("crosses the blood-brain barrier", bbbp.PositiveLabel);
        Assert.Equal("does not cross the blood-brain barrier", bbbp.NegativeLabel);
    }

    [Fact]
    public void SourcesGetSensibleDefaultsAndInstructorsOverrideThem()
    {
        var chembl = Validate(new DatasetRegistration { Chembl = new ChemblRegistration { Target = "CHEMBL203" } }, out _)!.Property;
        Assert.Equal(("pChEMBL", PropertyDefaults.ChemblError), (chembl.Symbol, chembl.ExperimentalError));
        var assay = Validate(new DatasetRegistration { PubChem = new PubChemRegistration { Aid = 1000 } }, out _)!.Property;
        Assert.Equal("is active in the assay", assay.PositiveLabel);

        var mine = Validate(new DatasetRegistration
        {
            Url = "https://raw.githubusercontent.com/x/y/main/logd.csv",
            SmilesColumn = "smiles",
            ValueColumn = "logD",
            Property = new PropertyRegistration { Name = "lipophilicity", Symbol = "log D", ExperimentalError = 0.3 },
        }, out _)!.Property;
        Assert.Equal(("lipophilicity", "log D", null, 0.3), (mine.Name, mine.Symbol, mine.Unit, mine.ExperimentalError));
        var bbbpInMyWords = Validate(new DatasetRegistration { Bundled = "bbbp", Property = new PropertyRegistration { Positive = "enters the brain", Negative = "stays out" } }, out _)!.Property;
        Assert.Equal(("enters the brain", "blood-brain barrier penetration"), (bbbpInMyWords.PositiveLabel, bbbpInMyWords.Name));
    }

    [Theory]
    [InlineData(-0.1, null, null, "'property.experimentalError' must be a number from 0")]
    [InlineData(double.NaN, null, null, "'property.experimentalError'")]
    [InlineData(null, "yes", null, "'property.positive' and 'property.negative' go together")]
    [InlineData(null, " ", "no", "'property.positive' must be 1-100 characters")]
    public void MistakesInThePropertyAreNamed(double? error, string? positive, string? negative, string expected)
    {
        Assert.Null(Validate(new DatasetRegistration { Bundled = "esol", Property = new PropertyRegistration { ExperimentalError = error, Positive = positive, Negative = negative } }, out var message));
        Assert.Contains(expected, message);
    }
}
