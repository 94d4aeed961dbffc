using MedEdu.Compute.Chemistry.Descriptors;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Learning;

namespace MedEdu.Compute.Tests.Learning;

/// <summary>The model's features packed beside a stored compound unpack to exactly what featurizing it again gives.</summary>
public sealed class PackedFeaturesTests
{
    [Fact]
    public void Packed_features_equal_a_fresh_featurization_for_every_esol_molecule()
    {
        var smiles = File.ReadLines(Path.Combine(TestData.DatasetsFolder, "esol-delaney.csv")).Skip(1).Select(l => l.Split(',')[^1]).ToList();
        foreach (string s in smiles)
        {
            var fresh = MoleculeFeaturizer.TryFeaturize("x", s, 0f, out _)!;
            var molecule = SmilesParser.Parse(s);
            var packed = MoleculeFeaturizer.Pack(MoleculeFeaturizer.FeaturesOf(molecule, DescriptorSet.Compute(molecule)));
            Assert.Equal(fresh.Features.ToDense(), MoleculeFeaturizer.Unpack(packed)!.ToDense());
            Assert.True(packed.Length < 400, $"{s}: {packed.Length} bytes");
        }

        Assert.Null(MoleculeFeaturizer.Unpack([]));
    }
}
