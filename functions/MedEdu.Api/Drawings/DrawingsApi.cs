using MedEdu.Pipeline.Drawings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace MedEdu.Api.Drawings;

/// <summary>The structure drawings, written once: a stored compound's, or any SMILES'.</summary>
public static class DrawingsApi
{
    /// <summary><c>GET /api/compounds/{id}/depiction.svg?version=&amp;aromatic=kekule|circles&amp;width=&amp;height=&amp;highlight=&amp;query=</c>.</summary>
    public const string Depiction = "compounds/{id}/depiction.svg";

    /// <summary><c>GET /api/depiction.svg?smiles=&amp;aromatic=&amp;highlight=&amp;query=</c>.</summary>
    public const string DepictSmiles = "depiction.svg";

    /// <summary>Maps the routes on <paramref name="api"/> (the <c>/api</c> group).</summary>
    public static void Map(RouteGroupBuilder api)
    {
        Drawing(api.MapGet(Depiction, (HttpRequest r, [FromServices] DrawingHandlers h, string id) => h.CompoundAsync(r, id))
            .Describe("SVG drawing of a stored compound (cached in Blob; ETag and If-None-Match answer 304)", ApiAccess.Anyone).Problems(404)
            .Query("version", JsonSchemaType.Integer, "Dataset version (default: the served one)."));
        Drawing(api.MapGet(DepictSmiles, (HttpRequest r, [FromServices] DrawingHandlers h) => h.SmilesAsync(r))
            .Describe("SVG drawing of any SMILES", ApiAccess.Anyone)
            .Query("smiles", JsonSchemaType.String, "The structure to draw (required; at most 2,000 characters)."));
    }

    private static RouteHandlerBuilder Drawing(RouteHandlerBuilder route) => route.AnswersText("image/svg+xml").Produces(StatusCodes.Status304NotModified).Problems(400)
        .Query("aromatic", JsonSchemaType.String, "How aromatic rings are drawn (default kekule).", ["kekule", "circles"])
        .Query("width", JsonSchemaType.Integer, "Image width in pixels, 50 to 2000.")
        .Query("height", JsonSchemaType.Integer, "Image height in pixels, 50 to 2000.")
        .Query("highlight", JsonSchemaType.String, "Atoms to colour, with a legend.", ["similarity", "logp", "tpsa", "alerts", "pains"])
        .Query("query", JsonSchemaType.String, "For highlight=similarity: the query SMILES.")
        .Query("lang", JsonSchemaType.String, "The legend's language (default en); a parameter, not Accept-Language, so each language's drawing has its own cacheable address.", ["en", "es", "ar"]);
}
