namespace MedEdu.Compute.Learning;

/// <summary>
/// A seeded, stratified sample of a large dataset for training, so a model's memory and time stay
/// bounded however many compounds were ingested: measured values keep their spread (one pick per
/// quantile band), 0/1 labels keep their proportions.
/// </summary>
public static class TrainingSample
{
    /// <summary>
    /// Indices (ascending) of at most <paramref name="max"/> of <paramref name="values"/>; all of them
    /// when there are no more than that.
    /// </summary>
    public static int[] Choose(IReadOnlyList<double> values, int max, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        int n = values.Count;
        if (n <= max)
        {
            return [.. Enumerable.Range(0, n)];
        }

        var random = new Random(seed);
        bool binary = values.All(v => v is 0 or 1);
        var chosen = new List<int>(max);
        if (binary)
        {
            // Each class in proportion, its members shuffled with the seed.
            var classes = Enumerable.Range(0, n).GroupBy(i => values[i]).OrderBy(g => g.Key).Select(g => g.ToArray()).ToList();
            int left = max;
            for (int c = 0; c < classes.Count; c++)
            {
                int take = c == classes.Count - 1 ? left : (int)Math.Round((double)max * classes[c].Length / n);
                random.Shuffle(classes[c]);
                chosen.AddRange(classes[c].Take(Math.Min(take, classes[c].Length)));
                left -= Math.Min(take, classes[c].Length);
            }
        }
        else
        {
            // One pick from each of max equal bands of the values in order (ties broken by index).
            var order = Enumerable.Range(0, n).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
            for (int band = 0; band < max; band++)
            {
                long start = (long)band * n / max;
                long end = (long)(band + 1) * n / max;
                chosen.Add(order[start + random.NextInt64(end - start)]);
            }
        }

        chosen.Sort();
        return [.. chosen];
    }
}
