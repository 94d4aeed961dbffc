using MedEdu.Compute.Chemistry.Explanations;

namespace MedEdu.Pipeline.Drawings;

/// <summary>A highlighted drawing asked for over HTTP: what to explain and, for a similarity map, the query's SMILES.</summary>
/// <param name="Kind">What the highlight explains.</param>
/// <param name="QuerySmiles">The molecule to compare with (similarity maps only).</param>
/// <param name="Language">The legend's language (a culture of the exercise catalog); English when null.</param>
public sealed record HighlightRequest(HighlightKind Kind, string? QuerySmiles, System.Globalization.CultureInfo? Language = null)
{
    /// <summary>The part of a cache key that tells highlighted drawings apart (the highlight is a function of structure, kind, query and language).</summary>
    public string CacheKey => Language is null ? $"h{Kind}:{QuerySmiles}" : $"h{Kind}:{QuerySmiles}:{Language.Name}";
}
