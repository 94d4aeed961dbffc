using Microsoft.AspNetCore.Mvc;

namespace MedEdu.Api.WebApp;

/// <summary>The student and instructor web page's route (left out of the OpenAPI document).</summary>
public static class WebAppApi
{
    /// <summary><c>GET /api/app/{path}</c>.</summary>
    public const string Route = "app/{*path}";

    /// <summary>Maps the route on <paramref name="api"/> (the <c>/api</c> group).</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet(Route, (HttpRequest r, [FromServices] WebAppHandler h, string? path) => h.Get(r, path))
            .Describe("The student and instructor web page", ApiAccess.Anyone).AnswersText("text/html").Problems(404).ExcludeFromDescription();
}
