namespace MedEdu.Compute.Screening;

/// <summary>What to search for: queries (packed fingerprints of the store's width), metric, and either k or a threshold.</summary>
/// <param name="Queries">Query fingerprints, each <c>store.Words</c> words long.</param>
/// <param name="Measure">Similarity measure.</param>
/// <param name="K">Hits per query for a top-k search (1-1000), or 0 for a threshold search.</param>
/// <param name="Threshold">Lowest score returned by a threshold search.</param>
/// <param name="Filter">Property filter applied with the similarity.</param>
public sealed record ScreeningRequest(IReadOnlyList<ulong[]> Queries, SimilarityMeasure Measure, int K, float Threshold, PropertyFilter Filter)
{
    /// <summary>Largest k accepted.</summary>
    public const int MaxK = 1000;

    /// <summary>A top-k search.</summary>
    public static ScreeningRequest TopK(IReadOnlyList<ulong[]> queries, int k, SimilarityMeasure? measure = null, PropertyFilter? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, MaxK);
        return new(queries, measure ?? SimilarityMeasure.Tanimoto, k, 0f, filter ?? PropertyFilter.None);
    }

    /// <summary>A threshold search.</summary>
    public static ScreeningRequest AtLeast(IReadOnlyList<ulong[]> queries, float threshold, SimilarityMeasure? measure = null, PropertyFilter? filter = null) =>
        new(queries, measure ?? SimilarityMeasure.Tanimoto, 0, threshold, filter ?? PropertyFilter.None);

    /// <summary>True for a top-k search.</summary>
    public bool IsTopK => K > 0;
}

/// <summary>Hits per query, best first, and the engine that found them.</summary>
/// <param name="Hits">Per query, the hits best first.</param>
/// <param name="Engine">The engine that ran.</param>
/// <param name="Elapsed">Wall time of the search.</param>
/// <param name="RowsScored">Compounds scored over all queries, when the engine prunes (the rest were skipped by their popcount bound).</param>
public sealed record ScreeningResult(IReadOnlyList<ScreeningHit[]> Hits, string Engine, TimeSpan Elapsed, long? RowsScored = null);
