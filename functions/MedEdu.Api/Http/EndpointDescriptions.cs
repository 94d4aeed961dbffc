using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace MedEdu.Api.Http;

/// <summary>
/// Endpoint metadata for the OpenAPI document, in the API's terms: who may call a route, the body it
/// reads, what it answers and the query parameters its handler reads from the request. Every route
/// answers RFC 7807 problems, so each helper declares the ones it can produce.
/// </summary>
public static class EndpointDescriptions
{
    /// <summary>Summary, access (with the 401/403 problems of guarded routes) and the 500 problem every route may answer.</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder route, string summary, ApiAccess access, string? description = null)
    {
        route.WithSummary(summary).WithMetadata(access).ProducesProblem(StatusCodes.Status500InternalServerError);
        if (description is not null)
        {
            route.WithDescription(description);
        }

        return access == ApiAccess.Anyone ? route : route.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// A JSON body of <typeparamref name="T"/>; malformed JSON answers 400, an oversized body 413.
    /// The metadata names no content type: with one, routing would refuse a request without a JSON
    /// content type, and the handlers read JSON whatever the header says.
    /// </summary>
    public static RouteHandlerBuilder Body<T>(this RouteHandlerBuilder route, bool optional = false)
        where T : notnull =>
        route.WithMetadata(new JsonBody(typeof(T), optional)).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private sealed record JsonBody(Type RequestType, bool IsOptional) : Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata
    {
        public IReadOnlyList<string> ContentTypes => [];
    }

    /// <summary>A JSON answer of <typeparamref name="T"/> with <paramref name="status"/>.</summary>
    public static RouteHandlerBuilder Answers<T>(this RouteHandlerBuilder route, int status = StatusCodes.Status200OK) =>
        route.Produces<T>(status, "application/json");

    /// <summary>Problems the route answers besides the ones its access and body bring.</summary>
    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder route, params int[] statuses)
    {
        foreach (int status in statuses)
        {
            route.ProducesProblem(status);
        }

        return route;
    }

    /// <summary>
    /// A student route whose words follow the request's <c>Accept-Language</c> (en, es, ar): problems'
    /// title and detail; the page sends the language its reader chose.
    /// </summary>
    public static RouteHandlerBuilder Localized(this RouteHandlerBuilder route) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Accept-Language",
                In = ParameterLocation.Header,
                Required = false,
                Description = "The student's language: en (the default), es or ar (e.g. \"es-ES,es;q=0.9\"). Problems' title and detail are answered in it; exercise prompts and feedback stay as the class's instructor and the scorer wrote them.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            return Task.CompletedTask;
        });

    /// <summary>A query parameter the handler reads from the request.</summary>
    public static RouteHandlerBuilder Query(this RouteHandlerBuilder route, string name, JsonSchemaType type, string description, string[]? values = null) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var schema = new OpenApiSchema { Type = type };
            if (values is not null)
            {
                schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
            }

            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Query, Required = false, Description = description, Schema = schema });
            return Task.CompletedTask;
        });

    /// <summary>
    /// An answer that is not JSON (CSV, SVG) with <paramref name="status"/>, beside a JSON one of the
    /// same status when the route has one (a <c>format=csv</c> query chooses).
    /// </summary>
    public static RouteHandlerBuilder AnswersText(this RouteHandlerBuilder route, string contentType, int status = StatusCodes.Status200OK) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            string code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            operation.Responses ??= [];
            if (!operation.Responses.TryGetValue(code, out var existing) || existing is not OpenApiResponse response)
            {
                operation.Responses[code] = response = new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(status) };
            }

            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            response.Content[contentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            return Task.CompletedTask;
        });
}
