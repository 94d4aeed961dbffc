using MedEdu.Api.OpenApi;

namespace MedEdu.Api.Docs;

/// <summary>The API's own description: the OpenAPI document and the interactive reference (left out of the document itself).</summary>
public static class DocsApi
{
    /// <summary><c>GET /api/openapi.json</c>.</summary>
    public const string Document = ApiDescription.Route;

    /// <summary><c>GET /api/docs/{path}</c>.</summary>
    public const string Reference = "docs/{*path}";

    /// <summary>Maps the routes on <paramref name="api"/> (the <c>/api</c> group).</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet(Document, ApiDescription.Serve).ExcludeFromDescription();
        api.MapGet(Reference, (HttpRequest r, string? path) => ApiReferenceHandler.Get(r, path)).ExcludeFromDescription();
    }
}
