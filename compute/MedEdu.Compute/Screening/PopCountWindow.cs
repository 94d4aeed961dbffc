namespace MedEdu.Compute.Screening;

/// <summary>
/// Which popcount bands of a popcount-ordered store can reach a score: the Swamidass-Baldi bound
/// (<see cref="SimilarityMeasure.UpperBound"/>) compared with a little slack, and the contiguous
/// row window it leaves. Shared by every engine that prunes, so they prune alike.
/// </summary>
internal static class PopCountWindow
{
    /// <summary>Bounds are compared with this much slack, so float rounding never prunes a row that could reach the cut.</summary>
    public const float BoundSlack = 1e-5f;

    /// <summary>Whether a compound with <paramref name="b"/> bits can reach <paramref name="cut"/> against a query with <paramref name="a"/> bits.</summary>
    public static bool Reaches(SimilarityMeasure measure, int a, int b, float cut) =>
        SimilarityMeasure.UpperBound((int)measure.Metric, measure.Alpha, measure.Beta, a, b) >= cut - BoundSlack;

    /// <summary>The rows of the bands whose bound reaches <paramref name="cut"/> (contiguous: the bound falls away on both sides of the query's popcount).</summary>
    public static (int Start, int End) Rows(FingerprintStore store, SimilarityMeasure measure, int a, float cut)
    {
        if (cut <= 0f)
        {
            return (0, store.Count);
        }

        int low = Math.Min(a, store.Bits), high = low;
        while (low > 0 && Reaches(measure, a, low - 1, cut))
        {
            low--;
        }

        while (high < store.Bits && Reaches(measure, a, high + 1, cut))
        {
            high++;
        }

        return Reaches(measure, a, low, cut) ? store.RowsWithPopCounts(low, high) : (0, 0);
    }
}
