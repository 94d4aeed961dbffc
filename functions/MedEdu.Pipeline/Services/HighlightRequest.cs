using MedEdu.Compute.Chemistry.Explanations;

namespace MedEdu.Pipeline.Services;

/// <summary>A highlighted drawing asked for over HTTP: what to explain and, for a similarity map, the query's SMILES.</summary>
/// <param name="Kind">What the highlight explains.</param>
/// <param name="QuerySmiles">The molecule to compare with (similarity maps only).</param>
public sealed record HighlightRequest(HighlightKind Kind, string? QuerySmiles)
{
    /// <summary>The part of a cache key that tells highlighted drawings apart (the highlight is a function of structure, kind and query).</summary>
    public string CacheKey => $"h{Kind}:{QuerySmiles}";
}
