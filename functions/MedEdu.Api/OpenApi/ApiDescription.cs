using System.Reflection;

namespace MedEdu.Api.OpenApi;

/// <summary>
/// The OpenAPI document of the API, served at <c>/api/openapi.json</c> by both hosts. It is generated
/// from the API's definition and the contracts the handlers (de)serialize: the build of
/// MedEdu.Api writes <c>OpenApi/openapi.json</c>, and this assembly embeds it, so both hosts
/// serve the same bytes.
/// </summary>
public static class ApiDescription
{
    /// <summary>Route of the document, relative to <c>/api</c>.</summary>
    public const string Route = "openapi.json";

    /// <summary>Route of the interactive reference, relative to <c>/api</c>.</summary>
    public const string DocsRoute = "docs";

    /// <summary>Name of the document in the generator.</summary>
    public const string DocumentName = "v1";

    private static readonly Lazy<string> Document = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MedEdu.OpenApi.json")
            ?? throw new InvalidOperationException("the OpenAPI document is not embedded; build MedEdu.Api, which writes functions/MedEdu.Api/OpenApi/openapi.json");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The document's JSON, as generated.</summary>
    public static string Json => Document.Value;

    /// <summary>The answer to <c>GET /api/openapi.json</c>.</summary>
    public static ApiResult Serve() => ApiResult.Text(Json, "application/json; charset=utf-8");
}
