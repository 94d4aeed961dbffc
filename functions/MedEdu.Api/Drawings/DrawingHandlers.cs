using MedEdu.Compute.Chemistry.Depictor;
using MedEdu.Compute.Chemistry.Explanations;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Pipeline.Drawings;
using Microsoft.AspNetCore.Http;

namespace MedEdu.Api.Drawings;

/// <summary>Structure drawings, shared by both hosts: a stored compound's, or any SMILES'.</summary>
public sealed class DrawingHandlers(DepictionService depictions)
{
    /// <summary>The drawing of a stored compound (of the served version unless <c>version</c> is given).</summary>
    public async Task<ApiResult> CompoundAsync(HttpRequest request, string id)
    {
        if (!MedEdu.Pipeline.Compounds.CompoundEntity.TryParseId(id, out string datasetId, out int row))
        {
            return ApiResult.Problem(StatusCodes.Status400BadRequest, "Invalid compound id", $"'{id}' is not a compound id; ids look like 'esol-000017' (dataset id, dash, data row)");
        }

        if (!TryDrawingOptions(request, out var drawing, out var problem) || !TryHighlight(request, out var highlight, out problem))
        {
            return problem!;
        }

        if (!QueryParameters.TryInt(request, "version", 0, 1, int.MaxValue, out int requested, out problem))
        {
            return problem!;
        }

        int? version = requested == 0 ? null : requested;
        var (depiction, lookup) = await depictions.CompoundAsync(datasetId, row, version, drawing, highlight, request.HttpContext.RequestAborted);
        if (depiction is null)
        {
            return QueryParameters.NotServed(lookup, datasetId)
                ?? ApiResult.Problem(StatusCodes.Status404NotFound, "Unknown compound", $"version {lookup.Key!.Value.Version} of dataset '{datasetId}' has no compound at row {row}");
        }

        // A named version never changes; the served one may move to a newer version.
        return Svg(request, depiction, version is null ? "public, max-age=300" : "public, max-age=31536000, immutable");
    }

    /// <summary>The drawing of any SMILES given as <c>?smiles=</c>.</summary>
    public async Task<ApiResult> SmilesAsync(HttpRequest request)
    {
        string smiles = request.Query["smiles"].ToString();
        if (string.IsNullOrWhiteSpace(smiles))
        {
            return ApiResult.Problem(StatusCodes.Status400BadRequest, "Missing query", "give the structure as ?smiles=");
        }

        if (smiles.Length > 2000)
        {
            return ApiResult.Problem(StatusCodes.Status400BadRequest, "SMILES too long", "draw at most 2,000 characters of SMILES");
        }

        if (!TryDrawingOptions(request, out var drawing, out var problem) || !TryHighlight(request, out var highlight, out problem))
        {
            return problem!;
        }

        try
        {
            var depiction = await depictions.DrawAsync(smiles, drawing with { Title = smiles }, highlight, request.HttpContext.RequestAborted);
            return Svg(request, depiction, "public, max-age=31536000, immutable");
        }
        catch (SmilesException e)
        {
            return ApiResult.Problem(StatusCodes.Status400BadRequest, "Invalid SMILES", $"invalid SMILES at position {e.Position}: {e.Reason}");
        }
    }

    /// <summary>Reads <c>aromatic</c> (kekule|circles) and the optional image size <c>width</c>, <c>height</c> (50–2000 px).</summary>
    private static bool TryDrawingOptions(HttpRequest request, out DepictionOptions options, out ApiResult? problem)
    {
        options = new DepictionOptions();
        problem = null;
        AromaticStyle style;
        switch (request.Query["aromatic"].ToString())
        {
            case "" or "kekule":
                style = AromaticStyle.Kekule;
                break;
            case "circles":
                style = AromaticStyle.Circles;
                break;
            default:
                problem = ApiResult.Problem(StatusCodes.Status400BadRequest, "Invalid query parameter", "'aromatic' must be kekule or circles");
                return false;
        }

        // 0 (absent) sizes the image to the drawing.
        if (!QueryParameters.TryInt(request, "width", 0, 50, 2000, out int width, out problem)
            || !QueryParameters.TryInt(request, "height", 0, 50, 2000, out int height, out problem))
        {
            return false;
        }

        options = new DepictionOptions { Aromatic = style, Width = width, Height = height };
        return true;
    }

    /// <summary>
    /// Reads <c>highlight</c> (similarity|logp|tpsa|alerts) and, for similarity, <c>query</c> (a
    /// SMILES, checked here so a bad one is named as the query's fault) and <c>lang</c>, the legend's language.
    /// </summary>
    private static bool TryHighlight(HttpRequest request, out HighlightRequest? highlight, out ApiResult? problem)
    {
        highlight = null;
        problem = null;
        string name = request.Query["highlight"].ToString(), query = request.Query["query"].ToString();
        if (name.Length == 0)
        {
            if (query.Length > 0)
            {
                problem = ApiResult.Problem(StatusCodes.Status400BadRequest, "Invalid query parameter", "'query' is for highlight=similarity");
            }

            return problem is null;
        }

        if (MoleculeHighlights.Parse(name) is not { } kind)
        {
            problem = ApiResult.Problem(StatusCodes.Status400BadRequest, "Invalid query parameter", $"'highlight' must be one of {string.Join(", ", MoleculeHighlights.Names)}, not '{name}'");
            return false;
        }

        if ((kind == HighlightKind.Similarity) != (query.Length > 0))
        {
            problem = ApiResult.Problem(StatusCodes.Status400BadRequest, "Invalid query parameter", kind == HighlightKind.Similarity
                ? "highlight=similarity needs query=SMILES (the molecule to compare with)"
                : "'query' is for highlight=similarity");
            return false;
        }

        if (query.Length > 2000)
        {
            problem = ApiResult.Problem(StatusCodes.Status400BadRequest, "Invalid query SMILES", "the query SMILES is longer than 2,000 characters");
            return false;
        }

        if (query.Length > 0 && !SmilesParser.TryParse(query, out _, out var error))
        {
            problem = ApiResult.Problem(StatusCodes.Status400BadRequest, "Invalid query SMILES", $"the query SMILES is invalid at position {error!.Position}: {error.Reason}");
            return false;
        }

        string lang = request.Query["lang"].ToString();
        var language = Localization.StudentMessages.Cultures.FirstOrDefault(c => c.Name == lang);
        if (lang.Length > 0 && language is null)
        {
            problem = ApiResult.Problem(StatusCodes.Status400BadRequest, "Invalid query parameter",
                $"'lang' must be one of {string.Join(", ", Localization.StudentMessages.Cultures.Select(c => c.Name))}, not '{lang}'");
            return false;
        }

        highlight = new HighlightRequest(kind, query.Length > 0 ? query : null, language == Localization.StudentMessages.Cultures[0] ? null : language);
        return true;
    }

    private static ApiResult Svg(HttpRequest request, Depiction depiction, string cacheControl)
    {
        var result = ApiResult.Cacheable(request, $"\"{depiction.Key}\"", "image/svg+xml", () => ApiResult.Text(depiction.Svg, "image/svg+xml; charset=utf-8"));
        result.Headers["Cache-Control"] = cacheControl;
        result.Headers["X-MedEdu-Cache"] = depiction.FromCache ? "hit" : "miss";
        // The drawing is data: nothing in it may run if it is opened on its own.
        result.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'";
        return result;
    }
}
