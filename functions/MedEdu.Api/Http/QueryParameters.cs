using System.Globalization;
using MedEdu.Pipeline.Datasets;
using Microsoft.AspNetCore.Http;

namespace MedEdu.Api.Http;

/// <summary>What the routes share in reading a request: integer query parameters and the answer when a dataset has no version to read.</summary>
public static class QueryParameters
{
    /// <summary>Reads an optional integer query parameter in [<paramref name="min"/>, <paramref name="max"/>]; <paramref name="fallback"/> when absent.</summary>
    public static bool TryInt(HttpRequest request, string name, int fallback, int min, int max, out int value, out ApiResult? problem)
    {
        problem = null;
        value = fallback;
        if (!request.Query.TryGetValue(name, out var raw) || string.IsNullOrEmpty(raw))
        {
            return true;
        }

        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        problem = ApiResult.Problem(StatusCodes.Status400BadRequest, "Invalid query parameter",
            $"'{name}' must be an integer from {min} to {max}, not '{raw}'");
        return false;
    }

    /// <summary>404 for a dataset id nobody registered.</summary>
    public static ApiResult UnknownDataset(string id) =>
        ApiResult.Problem(StatusCodes.Status404NotFound, "Unknown dataset", $"no dataset with id '{id}'", $"/api/datasets/{id}");

    /// <summary>The problem to answer when <paramref name="lookup"/> found no version to read (404 unknown dataset, 409 not ready), else null.</summary>
    public static ApiResult? NotServed(VersionLookup lookup, string datasetId) =>
        lookup == VersionLookup.UnknownDataset ? UnknownDataset(datasetId)
        : lookup.Key is null ? ApiResult.Problem(StatusCodes.Status409Conflict, "Not ready", lookup.NotReady!)
        : null;
}
