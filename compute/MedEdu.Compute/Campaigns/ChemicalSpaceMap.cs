using System.Numerics;

namespace MedEdu.Compute.Campaigns;

/// <summary>A compound's place on a 2D map of chemical space, both axes scaled to 0..1.</summary>
/// <param name="X">First principal component, scaled.</param>
/// <param name="Y">Second principal component, scaled.</param>
public readonly record struct MapPoint(double X, double Y);

/// <summary>
/// A 2D map of a library's chemical space: the first two principal components of its Morgan
/// fingerprints (bits as 0/1 features), found by power iteration on the centred bit matrix without
/// forming it, since each fingerprint sets only a few dozen of its 2048 bits. Near points share
/// substructures; the map is deterministic for a library.
/// </summary>
public static class ChemicalSpaceMap
{
    private const int Iterations = 200;

    /// <summary>The map of <paramref name="fingerprints"/> (packed 64-bit words, all the same length).</summary>
    public static IReadOnlyList<MapPoint> Project(IReadOnlyList<ulong[]> fingerprints)
    {
        int n = fingerprints.Count;
        if (n == 0)
        {
            return [];
        }

        int width = fingerprints[0].Length * 64;
        var bits = fingerprints.Select(OnBits).ToArray();
        var mean = new double[width];
        foreach (var on in bits)
        {
            foreach (int j in on)
            {
                mean[j] += 1.0 / n;
            }
        }

        var first = Component(bits, mean, null);
        var second = Component(bits, mean, first);
        var xs = Scores(bits, mean, first);
        var ys = Scores(bits, mean, second);
        return [.. Scale(xs).Zip(Scale(ys), (x, y) => new MapPoint(x, y))];
    }

    private static int[] OnBits(ulong[] words)
    {
        var on = new List<int>();
        for (int w = 0; w < words.Length; w++)
        {
            for (ulong word = words[w]; word != 0; word &= word - 1)
            {
                on.Add((w * 64) + BitOperations.TrailingZeroCount(word));
            }
        }

        return [.. on];
    }

    // Power iteration for the covariance's leading eigenvector, kept orthogonal to `previous`.
    private static double[] Component(int[][] bits, double[] mean, double[]? previous)
    {
        var v = new double[mean.Length];
        var random = new Random(17);
        for (int j = 0; j < v.Length; j++)
        {
            v[j] = random.NextDouble() - 0.5;
        }

        for (int it = 0; it < Iterations; it++)
        {
            if (previous is not null)
            {
                Orthogonalize(v, previous);
            }

            Normalize(v);
            var u = Scores(bits, mean, v);
            var next = new double[v.Length];
            double total = 0;
            for (int i = 0; i < bits.Length; i++)
            {
                foreach (int j in bits[i])
                {
                    next[j] += u[i];
                }

                total += u[i];
            }

            for (int j = 0; j < next.Length; j++)
            {
                next[j] -= mean[j] * total;
            }

            v = next;
        }

        if (previous is not null)
        {
            Orthogonalize(v, previous);
        }

        Normalize(v);

        // A fixed sign, so the same library always draws the same way round.
        int largest = 0;
        for (int j = 1; j < v.Length; j++)
        {
            largest = Math.Abs(v[j]) > Math.Abs(v[largest]) ? j : largest;
        }

        if (v[largest] < 0)
        {
            for (int j = 0; j < v.Length; j++)
            {
                v[j] = -v[j];
            }
        }

        return v;
    }

    private static double[] Scores(int[][] bits, double[] mean, double[] v)
    {
        double offset = 0;
        for (int j = 0; j < v.Length; j++)
        {
            offset += mean[j] * v[j];
        }

        var u = new double[bits.Length];
        for (int i = 0; i < bits.Length; i++)
        {
            double s = -offset;
            foreach (int j in bits[i])
            {
                s += v[j];
            }

            u[i] = s;
        }

        return u;
    }

    private static void Orthogonalize(double[] v, double[] against)
    {
        double dot = 0;
        for (int j = 0; j < v.Length; j++)
        {
            dot += v[j] * against[j];
        }

        for (int j = 0; j < v.Length; j++)
        {
            v[j] -= dot * against[j];
        }
    }

    private static void Normalize(double[] v)
    {
        double norm = Math.Sqrt(v.Sum(x => x * x));
        if (norm > 0)
        {
            for (int j = 0; j < v.Length; j++)
            {
                v[j] /= norm;
            }
        }
    }

    private static IEnumerable<double> Scale(double[] values)
    {
        double low = values.Min(), high = values.Max();
        return values.Select(x => high > low ? Math.Round((x - low) / (high - low), 4) : 0.5);
    }
}
