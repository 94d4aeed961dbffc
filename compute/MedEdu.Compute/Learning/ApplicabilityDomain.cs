using System.Numerics;

namespace MedEdu.Compute.Learning;

/// <summary>
/// Whether a model has seen anything like a molecule: its maximum Tanimoto similarity to the
/// training set, and a threshold calibrated on the training set itself (the 5th percentile of
/// each training molecule's similarity to its nearest other training molecule). Below it the
/// prediction is flagged "out of domain" — the students' "don't trust this" signal.
/// </summary>
public sealed class ApplicabilityDomain
{
    private readonly ulong[] _words;
    private readonly int[] _popCounts;
    private readonly int _width;

    private ApplicabilityDomain(ulong[] words, int[] popCounts, int width, double threshold)
    {
        _words = words;
        _popCounts = popCounts;
        _width = width;
        Threshold = threshold;
    }

    /// <summary>Similarity below which a prediction is out of domain.</summary>
    public double Threshold { get; }

    /// <summary>Calibrates on the training fingerprints.</summary>
    public static ApplicabilityDomain Fit(IReadOnlyList<ulong[]> training, double percentile = 0.05)
    {
        // One contiguous block with precomputed popcounts: each comparison is then a single AND-popcount pass.
        int width = training.Count == 0 ? 0 : training[0].Length;
        var words = new ulong[training.Count * width];
        var popCounts = new int[training.Count];
        for (int i = 0; i < training.Count; i++)
        {
            training[i].CopyTo(words, i * width);
            popCounts[i] = PopCount(training[i]);
        }

        var nearest = new double[training.Count];
        Parallel.For(0, training.Count, i => nearest[i] = MaxSimilarity(words, popCounts, width, training[i], exclude: i));
        Array.Sort(nearest);
        double threshold = nearest.Length == 0 ? 0 : nearest[(int)Math.Floor(percentile * (nearest.Length - 1))];
        return new ApplicabilityDomain(words, popCounts, width, threshold);
    }

    /// <summary>Maximum Tanimoto similarity of <paramref name="fingerprint"/> to the training set.</summary>
    public double NearestSimilarity(ulong[] fingerprint) => MaxSimilarity(_words, _popCounts, _width, fingerprint, -1);

    /// <summary>True when the molecule is at least as close to the training set as the threshold.</summary>
    public bool InDomain(ulong[] fingerprint) => NearestSimilarity(fingerprint) >= Threshold;

    private static int PopCount(ReadOnlySpan<ulong> words)
    {
        int count = 0;
        foreach (ulong w in words)
        {
            count += BitOperations.PopCount(w);
        }

        return count;
    }

    private static double MaxSimilarity(ulong[] words, int[] popCounts, int width, ulong[] fp, int exclude)
    {
        int a = PopCount(fp);
        double best = 0;
        for (int i = 0; i < popCounts.Length; i++)
        {
            int b = popCounts[i];
            // Tanimoto can be at most min(a, b) / max(a, b): skip what cannot beat the best so far.
            if (i == exclude || (a == 0 && b == 0) || (double)Math.Min(a, b) / Math.Max(a, b) <= best)
            {
                continue;
            }

            var other = words.AsSpan(i * width, width);
            int c = 0;
            for (int w = 0; w < width; w++)
            {
                c += BitOperations.PopCount(other[w] & fp[w]);
            }

            double s = (double)c / (a + b - c);
            if (s > best)
            {
                best = s;
            }
        }

        return best;
    }
}
