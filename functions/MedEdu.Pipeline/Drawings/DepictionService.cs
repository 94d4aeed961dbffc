using MedEdu.Compute.Chemistry.Depictor;
using MedEdu.Compute.Chemistry.Explanations;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Wording;
using MedEdu.Pipeline.Compounds;
using MedEdu.Pipeline.Datasets;

namespace MedEdu.Pipeline.Drawings;

/// <summary>A compound's drawing, with the cache key that names it (for HTTP ETags).</summary>
/// <param name="Svg">The SVG document.</param>
/// <param name="Key">Hash of structure and options.</param>
/// <param name="FromCache">True when it came from Blob rather than being drawn now.</param>
public sealed record Depiction(string Svg, string Key, bool FromCache);

/// <summary>Draws stored compounds as SVG through the chemistry core, caching each drawing in Blob.</summary>
public sealed class DepictionService(DatasetService datasets, CompoundRepository compounds, DepictionCache cache)
{
    /// <summary>The drawing of a stored compound of the given (or served) version.</summary>
    public async Task<(Depiction? Depiction, VersionLookup Lookup)> CompoundAsync(string datasetId, int row, int? version, DepictionOptions options, HighlightRequest? highlight = null, CancellationToken cancellationToken = default)
    {
        var lookup = await datasets.ResolveVersionAsync(datasetId, version, cancellationToken);
        if (lookup.Key is not { } key)
        {
            return (null, lookup);
        }

        var compound = await compounds.FindAsync(key, row, cancellationToken);
        if (compound is null)
        {
            return (null, lookup);
        }

        string title = string.IsNullOrWhiteSpace(compound.Name) ? compound.CompoundId : compound.Name!;
        return (await DrawAsync(compound.Smiles, options with { Title = title }, highlight, cancellationToken), lookup);
    }

    /// <summary>Draws <paramref name="smiles"/>, highlighted when asked (cached by structure, options and highlight).</summary>
    /// <exception cref="SmilesException">The SMILES (or a similarity map's query SMILES) is invalid.</exception>
    public async Task<Depiction> DrawAsync(string smiles, DepictionOptions options, HighlightRequest? highlight = null, CancellationToken cancellationToken = default)
    {
        string key = DepictionCache.KeyOf(smiles, options.CacheKey + "|" + options.Title + (highlight is null ? "" : "|" + highlight.CacheKey));
        if (await cache.FindAsync(key, cancellationToken) is { } cached)
        {
            return new Depiction(cached, key, true);
        }

        var molecule = SmilesParser.Parse(smiles);
        if (highlight is not null)
        {
            var query = highlight.QuerySmiles is null ? null : SmilesParser.Parse(highlight.QuerySmiles);
            var highlighting = MoleculeHighlights.For(molecule, highlight.Kind, query);
            options = options with { Highlight = highlight.Language is null ? highlighting : highlighting.InWords(PhraseRenderer.InCulture(highlight.Language)) };
        }

        string svg = SvgDepictor.Draw(molecule, options);
        await cache.PutAsync(key, svg, cancellationToken);
        return new Depiction(svg, key, false);
    }
}
