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
    private readonly ulong[][] _training;

    private ApplicabilityDomain(ulong[][] training, double threshold)
    {
        _training = training;
        Threshold = threshold;
    }

    /// <summary>Similarity below which a prediction is out of domain.</summary>
    public double Threshold { get; }

    /// <summary>Calibrates on the training fingerprints.</summary>
    public static ApplicabilityDomain Fit(IReadOnlyList<ulong[]> training, double percentile = 0.05)
    {
        var fps = training.ToArray();
        var nearest = new double[fps.Length];
        Parallel.For(0, fps.Length, i => nearest[i] = MaxSimilarity(fps, fps[i], exclude: i));
        Array.Sort(nearest);
        double threshold = nearest.Length == 0 ? 0 : nearest[(int)Math.Floor(percentile * (nearest.Length - 1))];
        return new ApplicabilityDomain(fps, threshold);
    }

    /// <summary>Maximum Tanimoto similarity of <paramref name="fingerprint"/> to the training set.</summary>
    public double NearestSimilarity(ulong[] fingerprint) => MaxSimilarity(_training, fingerprint, -1);

    /// <summary>True when the molecule is at least as close to the training set as the threshold.</summary>
    public bool InDomain(ulong[] fingerprint) => NearestSimilarity(fingerprint) >= Threshold;

    private static double MaxSimilarity(ulong[][] set, ulong[] fp, int exclude)
    {
        int a = 0;
        foreach (ulong w in fp)
        {
            a += BitOperations.PopCount(w);
        }

        double best = 0;
        for (int i = 0; i < set.Length; i++)
        {
            if (i == exclude)
            {
                continue;
            }

            int b = 0, c = 0;
            var other = set[i];
            for (int w = 0; w < fp.Length; w++)
            {
                b += BitOperations.PopCount(other[w]);
                c += BitOperations.PopCount(other[w] & fp[w]);
            }

            int union = a + b - c;
            double s = union == 0 ? 0 : (double)c / union;
            if (s > best)
            {
                best = s;
            }
        }

        return best;
    }
}
