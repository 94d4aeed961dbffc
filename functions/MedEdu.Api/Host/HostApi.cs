namespace MedEdu.Api.Host;

/// <summary>
/// What every host answers besides the features: a health probe, problem JSON for a route that does
/// not exist and for an unhandled error. The local host maps these; the Functions app has a trigger
/// for each route and a worker middleware for errors, built from the same answers.
/// </summary>
public static class HostApi
{
    /// <summary><c>GET /api/health</c>.</summary>
    public const string Health = "health";

    /// <summary>Every other path under <c>/api</c>: a 404 problem, not an empty answer.</summary>
    public const string NoSuchRoute = "{*rest}";

    /// <summary>The health answer: the app is up and answering.</summary>
    public static ApiResult Healthy() => ApiResult.Ok(new HealthStatus("ok"));

    /// <summary>The answer to a request no route matched.</summary>
    public static ApiResult NotFound(HttpRequest request) =>
        ApiResult.Problem(StatusCodes.Status404NotFound, "Not found", $"no route {request.Method} {request.Path}");

    /// <summary>The answer to a request whose handler failed: the details stay in the host's log.</summary>
    public static ApiResult UnhandledError() =>
        ApiResult.Problem(StatusCodes.Status500InternalServerError, "Internal error", "the server failed to answer; the error is in its log");

    /// <summary>Maps the routes on <paramref name="api"/> (the <c>/api</c> group); the catch-all last.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet(Health, Healthy).ExcludeFromDescription();
        api.Map(NoSuchRoute, NotFound).ExcludeFromDescription();
    }
}

/// <summary>The health probe's body.</summary>
/// <param name="Status">Always <c>ok</c> when the app answers.</param>
public sealed record HealthStatus(string Status);
