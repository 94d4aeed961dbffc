namespace MedEdu.Compute.Exercises;

/// <summary>
/// Chooses exercise compounds so that what a student is asked to tell apart can be told apart:
/// measured values spaced by more than the experimental error, and chemical neighbourhoods for
/// exercises whose difficulty should come from chemistry.
/// </summary>
public static class FairSelection
{
    /// <summary>
    /// <paramref name="count"/> compounds whose measured values differ pairwise by more than
    /// <paramref name="gap"/>, or null when the source has none. A tight selection climbs from a
    /// random start to the next value just above the gap (hard: every difference is close to the
    /// gap); a loose one draws at random and keeps what is far enough from all kept so far.
    /// </summary>
    public static List<ExerciseCompound>? Spaced(IReadOnlyList<ExerciseCompound> source, int count, double gap, Random random, bool tight)
    {
        var sorted = source.Where(c => c.Measured is not null).OrderBy(c => c.Measured).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        if (sorted.Count < count)
        {
            return null;
        }

        return tight ? Chain(sorted, count, gap, random) : Scatter(sorted, count, gap, random);
    }

    private static List<ExerciseCompound>? Chain(List<ExerciseCompound> sorted, int count, double gap, Random random)
    {
        foreach (int start in Enumerable.Range(0, sorted.Count).OrderBy(_ => random.Next()).Take(200))
        {
            var chain = new List<ExerciseCompound> { sorted[start] };
            int at = start;
            while (chain.Count < count)
            {
                double last = sorted[at].Measured!.Value;
                int next = at + 1;
                while (next < sorted.Count && sorted[next].Measured!.Value - last <= gap)
                {
                    next++;
                }

                if (next >= sorted.Count)
                {
                    break;
                }

                // One of the three nearest values above the gap, so chains vary between seeds.
                int choices = Math.Min(3, sorted.Count - next);
                at = next + random.Next(choices);
                chain.Add(sorted[at]);
            }

            if (chain.Count == count)
            {
                return chain;
            }
        }

        return null;
    }

    private static List<ExerciseCompound>? Scatter(List<ExerciseCompound> sorted, int count, double gap, Random random)
    {
        for (int attempt = 0; attempt < 8; attempt++)
        {
            var kept = new List<ExerciseCompound>();
            foreach (var c in sorted.OrderBy(_ => random.Next()))
            {
                if (kept.All(k => Math.Abs(k.Measured!.Value - c.Measured!.Value) > gap))
                {
                    kept.Add(c);
                    if (kept.Count == count)
                    {
                        return kept;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The compounds of <paramref name="source"/> from most to least similar to <paramref name="anchor"/> (Tanimoto, anchor first).</summary>
    public static List<ExerciseCompound> BySimilarityTo(IReadOnlyList<ExerciseCompound> source, ExerciseCompound anchor) =>
        source.Select(c => (Compound: c, Similarity: ExerciseGenerator.Tanimoto(anchor.Fingerprint, c.Fingerprint)))
            .OrderByDescending(x => x.Similarity).ThenBy(x => x.Compound.Id, StringComparer.Ordinal)
            .Select(x => x.Compound).ToList();

    /// <summary>
    /// Growing chemical neighbourhoods of a random anchor (50, 100, 200, ... compounds, then the
    /// whole source), for picking compounds that resemble each other. The source is ranked once;
    /// each neighbourhood is a longer prefix of that ranking.
    /// </summary>
    public static IEnumerable<List<ExerciseCompound>> GrowingNeighbourhoods(IReadOnlyList<ExerciseCompound> source, Random random)
    {
        var ranked = BySimilarityTo(source, source[random.Next(source.Count)]);
        for (int size = 50; size < source.Count; size *= 2)
        {
            yield return ranked.GetRange(0, size);
        }

        yield return source.ToList();
    }
}
