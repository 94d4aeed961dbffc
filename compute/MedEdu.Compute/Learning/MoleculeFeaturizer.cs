using MedEdu.Compute.Chemistry.Descriptors;
using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Chemistry.Scaffolds;
using MedEdu.Compute.Chemistry.SmilesParse;

namespace MedEdu.Compute.Learning;

/// <summary>
/// Turns molecules into model features: Morgan radius-2 counts folded to 2048 bins (the
/// substructures) followed by RDKit-named descriptors (the physics a chemist would reach for).
/// </summary>
public static class MoleculeFeaturizer
{
    /// <summary>Folded Morgan count bins.</summary>
    public const int FingerprintBins = 2048;

    /// <summary>The descriptor features, in order, after the fingerprint bins.</summary>
    public static IReadOnlyList<string> DescriptorNames { get; } =
    [
        "MolWt", "MolLogP", "MolMR", "TPSA", "HeavyAtomCount", "NumHDonors", "NumHAcceptors", "NumHeteroatoms",
        "NumRotatableBonds", "NumValenceElectrons", "RingCount", "NumAromaticRings", "NumSaturatedRings",
        "NumAliphaticRings", "FractionCSP3", "AromaticProportion",
    ];

    /// <summary>Length of every feature vector.</summary>
    public static int FeatureCount => FingerprintBins + DescriptorNames.Count;

    /// <summary>Name of feature <paramref name="index"/> (for explanations).</summary>
    public static string FeatureName(int index) =>
        index < FingerprintBins ? $"Morgan bin {index}" : DescriptorNames[index - FingerprintBins];

    /// <summary>
    /// Featurizes one molecule; null with <paramref name="error"/> when the SMILES does not parse.
    /// <paramref name="withScaffold"/> false leaves the Murcko scaffold (needed only for scaffold
    /// splits) empty, which spares predicting a million compounds that work.
    /// </summary>
    public static FeaturizedMolecule? TryFeaturize(string id, string smiles, float label, out string? error, bool withScaffold = true)
    {
        if (!SmilesParser.TryParse(smiles, out var molecule, out var parseError) || molecule!.Atoms.Count == 0)
        {
            error = parseError is null ? "no atoms" : $"position {parseError.Position}: {parseError.Reason}";
            return null;
        }

        var features = new float[FeatureCount];
        var counts = MorganFingerprint.FoldedCounts(molecule, 2, FingerprintBins);
        for (int i = 0; i < FingerprintBins; i++)
        {
            features[i] = counts[i];
        }

        var d = DescriptorSet.Compute(molecule);
        float aromaticProportion = d.HeavyAtomCount == 0 ? 0 : (float)molecule.Atoms.Count(a => a.IsAromatic) / d.HeavyAtomCount;
        float[] descriptors =
        [
            (float)d.MolWt, (float)d.MolLogP, (float)d.MolMR, (float)d.TPSA, d.HeavyAtomCount, d.NumHDonors, d.NumHAcceptors,
            d.NumHeteroatoms, d.NumRotatableBonds, d.NumValenceElectrons, d.RingCount, d.NumAromaticRings, d.NumSaturatedRings,
            d.NumAliphaticRings, (float)d.FractionCSP3, aromaticProportion,
        ];
        descriptors.CopyTo(features, FingerprintBins);
        error = null;
        return new FeaturizedMolecule(id, smiles, label, withScaffold ? MurckoScaffold.SmilesOf(molecule) : "", MorganFingerprint.BitVector(molecule), features);
    }

    /// <summary>Featurizes many molecules on all cores; returns those that parsed, in input order, and the failures (scaffolds as in <see cref="TryFeaturize"/>).</summary>
    public static (List<FeaturizedMolecule> Molecules, List<(string Id, string Error)> Failures) FeaturizeAll(IReadOnlyList<(string Id, string Smiles, float Label)> input, bool withScaffold = true)
    {
        var results = new FeaturizedMolecule?[input.Count];
        var errors = new string?[input.Count];
        Parallel.For(0, input.Count, i => results[i] = TryFeaturize(input[i].Id, input[i].Smiles, input[i].Label, out errors[i], withScaffold));
        var molecules = new List<FeaturizedMolecule>(input.Count);
        var failures = new List<(string, string)>();
        for (int i = 0; i < input.Count; i++)
        {
            if (results[i] is { } m)
            {
                molecules.Add(m);
            }
            else
            {
                failures.Add((input[i].Id, errors[i]!));
            }
        }

        return (molecules, failures);
    }
}
