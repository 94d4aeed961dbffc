using System.Globalization;
using MedEdu.Compute.Chemistry.Depictor;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Pipeline.Services;
using Microsoft.AspNetCore.Http;

namespace MedEdu.Pipeline.Http;

/// <summary>Structure drawings, shared by both hosts: a stored compound's, or any SMILES'.</summary>
public sealed class CompoundRoutes(DepictionService depictions)
{
    /// <summary><c>GET /api/compounds/{id}/depiction.svg?version=&amp;aromatic=kekule|circles&amp;width=&amp;height=</c>.</summary>
    public const string Depiction = "compounds/{id}/depiction.svg";

    /// <summary><c>GET /api/depiction.svg?smiles=&amp;aromatic=</c>.</summary>
    public const string DepictSmiles = "depiction.svg";

    /// <summary>The drawing of a stored compound (of the served version unless <c>version</c> is given).</summary>
    public async Task<ApiResult> CompoundAsync(HttpRequest request, string id)
    {
        if (!DepictionService.TryParseCompoundId(id, out string datasetId, out int row))
        {
            return ApiResult.Problem(StatusCodes.Status400BadRequest, "Invalid compound id", $"'{id}' is not a compound id; ids look like 'esol-000017' (dataset id, dash, data row)");
        }

        if (!TryDrawingOptions(request, out var drawing, out var problem))
        {
            return problem!;
        }

        int? version = null;
        string rawVersion = request.Query["version"].ToString();
        if (rawVersion.Length > 0)
        {
            if (!int.TryParse(rawVersion, NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v < 1)
            {
                return ApiResult.Problem(StatusCodes.Status400BadRequest, "Invalid query parameter", $"'version' must be a positive integer, not '{rawVersion}'");
            }

            version = v;
        }

        var (depiction, lookup) = await depictions.CompoundAsync(datasetId, row, version, drawing, request.HttpContext.RequestAborted);
        if (depiction is null)
        {
            return lookup == VersionLookup.UnknownDataset || lookup.Key is not null
                ? ApiResult.Problem(StatusCodes.Status404NotFound, "Unknown compound", lookup.Key is { } key
                    ? $"version {key.Version} of dataset '{datasetId}' has no compound at row {row}"
                    : $"no dataset '{datasetId}'")
                : ApiResult.Problem(StatusCodes.Status409Conflict, "Not ready", lookup.NotReady!);
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

        if (!TryDrawingOptions(request, out var drawing, out var problem))
        {
            return problem!;
        }

        try
        {
            var depiction = await depictions.DrawAsync(smiles, drawing with { Title = smiles }, request.HttpContext.RequestAborted);
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

        var size = new int[2];
        string[] names = ["width", "height"];
        for (int i = 0; i < 2; i++)
        {
            string raw = request.Query[names[i]].ToString();
            if (raw.Length > 0 && (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out size[i]) || size[i] is < 50 or > 2000))
            {
                problem = ApiResult.Problem(StatusCodes.Status400BadRequest, "Invalid query parameter", $"'{names[i]}' must be a whole number of pixels from 50 to 2000, not '{raw}'");
                return false;
            }
        }

        options = new DepictionOptions { Aromatic = style, Width = size[0], Height = size[1] };
        return true;
    }

    private static ApiResult Svg(HttpRequest request, Depiction depiction, string cacheControl)
    {
        string etag = $"\"{depiction.Key}\"";
        var result = request.Headers.IfNoneMatch.ToString() == etag
            ? ApiResult.Text("", "image/svg+xml", StatusCodes.Status304NotModified)
            : ApiResult.Text(depiction.Svg, "image/svg+xml; charset=utf-8");
        result.Headers["ETag"] = etag;
        result.Headers["Cache-Control"] = cacheControl;
        result.Headers["X-MedEdu-Cache"] = depiction.FromCache ? "hit" : "miss";
        // The drawing is data: nothing in it may run if it is opened on its own.
        result.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'";
        return result;
    }
}
