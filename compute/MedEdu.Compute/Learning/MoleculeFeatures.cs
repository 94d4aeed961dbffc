using Microsoft.ML.Data;

namespace MedEdu.Compute.Learning;

/// <summary>
/// A molecule's model features held sparse: the non-zero Morgan count bins and every descriptor, as
/// ascending feature indices and their values. A drug-like molecule sets 30-60 of the 2,048 bins, so
/// this is about 600 bytes where the dense vector is 8 KB: fifty thousand training molecules fit in
/// 30 MB instead of 400 MB, and ML.NET's learners take the sparse vector as it is.
/// </summary>
public sealed class MoleculeFeatures
{
    private readonly int[] _indices;
    private readonly float[] _values;

    private MoleculeFeatures(int[] indices, float[] values)
    {
        _indices = indices;
        _values = values;
    }

    /// <summary>Indices (ascending) of the features held.</summary>
    public ReadOnlySpan<int> Indices => _indices;

    /// <summary>The values at <see cref="Indices"/>.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>Length of the full vector, <see cref="MoleculeFeaturizer.FeatureCount"/>.</summary>
    public static int Length => MoleculeFeaturizer.FeatureCount;

    /// <summary>Features from a dense vector of <see cref="Length"/> (zero bins dropped; descriptors always kept).</summary>
    public static MoleculeFeatures FromDense(ReadOnlySpan<float> dense)
    {
        if (dense.Length != Length)
        {
            throw new ArgumentException($"a feature vector has {Length} values, not {dense.Length}", nameof(dense));
        }

        int bins = MoleculeFeaturizer.FingerprintBins;
        int descriptors = Length - bins;
        int nonZero = descriptors;
        for (int i = 0; i < bins; i++)
        {
            nonZero += dense[i] != 0 ? 1 : 0;
        }

        var indices = new int[nonZero];
        var values = new float[nonZero];
        int at = 0;
        for (int i = 0; i < Length; i++)
        {
            if (i >= bins || dense[i] != 0)
            {
                indices[at] = i;
                values[at++] = dense[i];
            }
        }

        return new MoleculeFeatures(indices, values);
    }

    /// <summary>Features from non-zero bins (ascending, each below <see cref="MoleculeFeaturizer.FingerprintBins"/>) and all descriptors.</summary>
    internal static MoleculeFeatures FromParts(ReadOnlySpan<int> bins, ReadOnlySpan<float> counts, ReadOnlySpan<float> descriptors)
    {
        var indices = new int[bins.Length + descriptors.Length];
        var values = new float[indices.Length];
        bins.CopyTo(indices);
        counts.CopyTo(values);
        for (int d = 0; d < descriptors.Length; d++)
        {
            indices[bins.Length + d] = MoleculeFeaturizer.FingerprintBins + d;
            values[bins.Length + d] = descriptors[d];
        }

        return new MoleculeFeatures(indices, values);
    }

    /// <summary>The full vector of <see cref="Length"/> values.</summary>
    public float[] ToDense()
    {
        var dense = new float[Length];
        for (int i = 0; i < _indices.Length; i++)
        {
            dense[_indices[i]] = _values[i];
        }

        return dense;
    }

    /// <summary>The features as ML.NET's sparse vector (sharing these arrays, which are never written).</summary>
    internal VBuffer<float> ToVector() => new(Length, _indices.Length, _values, _indices);
}
