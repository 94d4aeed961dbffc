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
        // One contiguous block ordered by popcount, with the popcounts beside it: each comparison is
        // a single AND-popcount pass, and a search stops where the popcount bound rules the rest out.
        int width = training.Count == 0 ? 0 : training[0].Length;
        var counts = training.Select(t => PopCount(t)).ToArray();
        var order = Enumerable.Range(0, training.Count).OrderBy(i => counts[i]).ThenBy(i => i).ToArray();
        var words = new ulong[training.Count * width];
        var popCounts = new int[training.Count];
        for (int row = 0; row < order.Length; row++)
        {
            training[order[row]].CopyTo(words, row * width);
            popCounts[row] = counts[order[row]];
        }

        var nearest = new double[training.Count];
        Parallel.For(0, order.Length, row => nearest[row] = MaxSimilarity(words, popCounts, width, training[order[row]], exclude: row));
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

    // Rows are ordered by popcount: from the query's own popcount outward, Tanimoto can be at most
    // min(a, b) / max(a, b), which only falls, so each direction stops at the first row whose bound
    // cannot beat the best so far. The maximum is the one a full scan finds.
    private static double MaxSimilarity(ulong[] words, int[] popCounts, int width, ulong[] fp, int exclude)
    {
        int a = PopCount(fp);
        if (a == 0)
        {
            return 0;
        }

        int start = LowerBound(popCounts, a);
        double best = 0;
        for (int i = start; i < popCounts.Length; i++)
        {
            int b = popCounts[i];
            if ((double)a / b <= best)
            {
                break;
            }

            best = Math.Max(best, i == exclude ? 0 : Tanimoto(words, width, i, fp, a, b));
        }

        for (int i = start - 1; i >= 0; i--)
        {
            int b = popCounts[i];
            if ((double)b / a <= best)
            {
                break;
            }

            best = Math.Max(best, i == exclude ? 0 : Tanimoto(words, width, i, fp, a, b));
        }

        return best;
    }

    private static double Tanimoto(ulong[] words, int width, int row, ulong[] fp, int a, int b)
    {
        var other = words.AsSpan(row * width, width);
        int c = 0;
        for (int w = 0; w < width; w++)
        {
            c += BitOperations.PopCount(other[w] & fp[w]);
        }

        return (double)c / (a + b - c);
    }

    /// <summary>The first row whose popcount is at least <paramref name="a"/>.</summary>
    private static int LowerBound(int[] popCounts, int a)
    {
        int low = 0, high = popCounts.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (popCounts[mid] < a)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
