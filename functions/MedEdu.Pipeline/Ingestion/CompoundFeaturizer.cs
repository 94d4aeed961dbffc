using MedEdu.Compute.Chemistry.Descriptors;
using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Chemistry.Scaffolds;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Pipeline.Compounds;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>Parses a compound's SMILES and fills in its canonical SMILES, descriptors, scaffold, fingerprint and the model's packed features.</summary>
public static class CompoundFeaturizer
{
    /// <summary>Featurizes <paramref name="compound"/> in place; returns the parser's error (position and reason) or null.</summary>
    public static string? TryFeaturize(CompoundEntity compound)
    {
        if (!SmilesParser.TryParse(compound.Smiles, out var molecule, out var error))
        {
            return $"invalid SMILES at position {error!.Position}: {error.Reason}";
        }

        if (molecule!.Atoms.Count == 0)
        {
            return "the SMILES has no atoms";
        }

        var d = DescriptorSet.Compute(molecule);
        compound.CanonicalSmiles = SmilesWriter.Write(molecule);
        compound.Formula = d.Formula;
        compound.MolWt = Math.Round(d.MolWt, 4);
        compound.MolLogP = Math.Round(d.MolLogP, 4);
        compound.MolMR = Math.Round(d.MolMR, 4);
        compound.TPSA = Math.Round(d.TPSA, 2);
        compound.HeavyAtomCount = d.HeavyAtomCount;
        compound.NumHDonors = d.NumHDonors;
        compound.NumHAcceptors = d.NumHAcceptors;
        compound.NumRotatableBonds = d.NumRotatableBonds;
        compound.RingCount = d.RingCount;
        compound.NumAromaticRings = d.NumAromaticRings;
        compound.FractionCSP3 = Math.Round(d.FractionCSP3, 4);
        compound.Scaffold = MurckoScaffold.SmilesOf(molecule);
        var words = MorganFingerprint.BitVector(molecule);
        var bytes = new byte[words.Length * 8];
        Buffer.BlockCopy(words, 0, bytes, 0, bytes.Length);
        compound.Fingerprint = bytes;
        compound.ModelFeatures = Compute.Learning.MoleculeFeaturizer.Pack(Compute.Learning.MoleculeFeaturizer.FeaturesOf(molecule, d));
        return null;
    }
}
