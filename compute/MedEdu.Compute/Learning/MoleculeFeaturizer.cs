using MedEdu.Compute.Chemistry.Descriptors;
using MedEdu.Compute.Chemistry.Molecules;
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

        var features = FeaturesOf(molecule, DescriptorSet.Compute(molecule));
        error = null;
        return new FeaturizedMolecule(id, smiles, label, withScaffold ? MurckoScaffold.SmilesOf(molecule) : "", MorganFingerprint.BitVector(molecule), features);
    }

    /// <summary>The model's features of a parsed molecule: Morgan counts in 2048 bins, then the descriptors (<paramref name="d"/> computed once by the caller).</summary>
    public static MoleculeFeatures FeaturesOf(Molecule molecule, DescriptorSet d)
    {
        var counts = MorganFingerprint.FoldedCounts(molecule, 2, FingerprintBins);
        var bins = new List<int>(64);
        var values = new List<float>(64);
        for (int i = 0; i < FingerprintBins; i++)
        {
            if (counts[i] != 0)
            {
                bins.Add(i);
                values.Add(counts[i]);
            }
        }

        float aromaticProportion = d.HeavyAtomCount == 0 ? 0 : (float)molecule.Atoms.Count(a => a.IsAromatic) / d.HeavyAtomCount;
        float[] descriptors =
        [
            (float)d.MolWt, (float)d.MolLogP, (float)d.MolMR, (float)d.TPSA, d.HeavyAtomCount, d.NumHDonors, d.NumHAcceptors,
            d.NumHeteroatoms, d.NumRotatableBonds, d.NumValenceElectrons, d.RingCount, d.NumAromaticRings, d.NumSaturatedRings,
            d.NumAliphaticRings, (float)d.FractionCSP3, aromaticProportion,
        ];
        return MoleculeFeatures.FromParts(bins.ToArray(), values.ToArray(), descriptors);
    }

    /// <summary>
    /// Packs features compactly for storage beside a compound (the descriptors as floats, then the
    /// non-zero Morgan bins as bin and count), so predicting a stored compound needs no parsing.
    /// </summary>
    public static byte[] Pack(MoleculeFeatures features)
    {
        var indices = features.Indices;
        var values = features.Values;
        int bins = indices.Length - DescriptorNames.Count;
        int head = DescriptorNames.Count * sizeof(float);
        var packed = new byte[head + (bins * 4)];
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(values[bins..]).CopyTo(packed);
        int at = head;
        for (int i = 0; i < bins; i++)
        {
            BitConverter.TryWriteBytes(packed.AsSpan(at), (ushort)indices[i]);
            BitConverter.TryWriteBytes(packed.AsSpan(at + 2), (ushort)Math.Min(values[i], ushort.MaxValue));
            at += 4;
        }

        return packed;
    }

    /// <summary>The features <see cref="Pack"/> packed; null when <paramref name="packed"/> is not such a packing.</summary>
    public static MoleculeFeatures? Unpack(ReadOnlySpan<byte> packed)
    {
        int head = DescriptorNames.Count * sizeof(float);
        if (packed.Length < head || (packed.Length - head) % 4 != 0)
        {
            return null;
        }

        int count = (packed.Length - head) / 4;
        var bins = new int[count];
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            int at = head + (i * 4);
            bins[i] = BitConverter.ToUInt16(packed[at..]);
            values[i] = BitConverter.ToUInt16(packed[(at + 2)..]);
            if (bins[i] >= FingerprintBins || (i > 0 && bins[i] <= bins[i - 1]))
            {
                return null;
            }
        }

        return MoleculeFeatures.FromParts(bins, values, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(packed[..head]));
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
