using Microsoft.AspNetCore.Http.Metadata;

namespace MedEdu.Api;

/// <summary>One route of the API as its definition maps it.</summary>
/// <param name="Method">The HTTP method, upper case; <c>*</c> for a route that takes any.</param>
/// <param name="Template">The route template relative to <c>/api</c> (e.g. <c>datasets/{id}</c>).</param>
/// <param name="Access">Who may call it.</param>
/// <param name="Summary">Its summary in the OpenAPI document; null for a route left out of it.</param>
public sealed record ApiRoute(string Method, string Template, ApiAccess Access, string? Summary);

/// <summary>
/// The routes of <see cref="ApiEndpoints.MapMedEduApi"/>, read from the endpoints it maps (without
/// starting a server): what tests hold the Functions triggers and the README to.
/// </summary>
public static class ApiRouteTable
{
    /// <summary>Every route, in the order mapped.</summary>
    public static IReadOnlyList<ApiRoute> Routes { get; } = Read();

    private static List<ApiRoute> Read()
    {
        using var app = ApiEndpoints.BuildOffline();
        string prefix = ApiEndpoints.Prefix.TrimStart('/') + "/";
        var routes = new List<ApiRoute>();
        foreach (var endpoint in ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>())
        {
            string template = endpoint.RoutePattern.RawText!.TrimStart('/');
            template = template.StartsWith(prefix, StringComparison.Ordinal) ? template[prefix.Length..] : template;
            var access = endpoint.Metadata.OfType<ApiAccess>().LastOrDefault();
            bool described = endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true };
            string? summary = described ? endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary : null;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
            routes.AddRange(methods.Select(m => new ApiRoute(m, template, access, summary)));
        }

        return routes;
    }
}
