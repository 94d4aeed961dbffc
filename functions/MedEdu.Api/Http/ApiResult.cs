using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MedEdu.Api.Http;

/// <summary>
/// A route handler's answer: status, headers and a JSON (or other) body. It is both an ASP.NET Core
/// <see cref="IResult"/> (the local host's minimal APIs) and an <see cref="IActionResult"/> (the
/// Functions app's ASP.NET Core integration), so both hosts return the very same object.
/// </summary>
public sealed class ApiResult : IResult, IActionResult
{
    /// <summary>JSON settings of every response: camelCase, nulls omitted.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The Content-Security-Policy of answers that are not the page's own files: nothing may load.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private ApiResult(int status, object? body, string contentType)
    {
        StatusCode = status;
        Body = body;
        ContentType = contentType;
    }

    /// <summary>HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The body to serialize (a string is written as is).</summary>
    public object? Body { get; }

    /// <summary>Content type of the body.</summary>
    public string ContentType { get; }

    /// <summary>Extra headers, e.g. Location.</summary>
    public Dictionary<string, string> Headers { get; } = [];

    /// <summary>A JSON response.</summary>
    public static ApiResult Ok(object body, int status = StatusCodes.Status200OK) => new(status, body, "application/json; charset=utf-8");

    /// <summary>202 Accepted with a Location to poll.</summary>
    public static ApiResult Accepted(object body, string location)
    {
        var result = new ApiResult(StatusCodes.Status202Accepted, body, "application/json; charset=utf-8");
        result.Headers["Location"] = location;
        return result;
    }

    /// <summary>An RFC 7807 problem+json response.</summary>
    public static ApiResult Problem(int status, string title, string detail, string? instance = null) =>
        new(status, new Problem("about:blank", title, status, detail, instance), "application/problem+json; charset=utf-8");

    /// <summary>A text response (CSV, SVG, ...).</summary>
    public static ApiResult Text(string text, string contentType, int status = StatusCodes.Status200OK) => new(status, text, contentType);

    /// <summary>
    /// A response clients may cache under <paramref name="etag"/>: 304 with no body when the
    /// request's <c>If-None-Match</c> names it, else <paramref name="body"/>; the ETag header either way.
    /// </summary>
    public static ApiResult Cacheable(HttpRequest request, string etag, string contentType, Func<ApiResult> body)
    {
        var result = request.Headers.IfNoneMatch.ToString() == etag ? Text("", contentType, StatusCodes.Status304NotModified) : body();
        result.Headers["ETag"] = etag;
        return result;
    }

    /// <summary>A binary response (static files).</summary>
    public static ApiResult Bytes(byte[] content, string contentType, int status = StatusCodes.Status200OK) => new(status, content, contentType);

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        // Every answer: no type sniffing, no referrer leaking a class or dataset id, nothing framed
        // or run from an API answer (the page's files set their own policy), HTTPS only where served over it.
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.ContentSecurityPolicy = ApiPolicy;
        if (httpContext.Request.IsHttps)
        {
            response.Headers.StrictTransportSecurity = "max-age=31536000";
        }

        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (StatusCode is StatusCodes.Status304NotModified or StatusCodes.Status204NoContent)
        {
            // These answers carry no body: Kestrel refuses even an empty write.
            return;
        }

        if (Body is string text)
        {
            await response.WriteAsync(text);
        }
        else if (Body is byte[] bytes)
        {
            await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
        }
        else if (Body is not null)
        {
            await JsonSerializer.SerializeAsync(response.Body, Body, Body.GetType(), Json, httpContext.RequestAborted);
        }
    }

    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}

/// <summary>RFC 7807 problem details.</summary>
public sealed record Problem(string Type, string Title, int Status, string Detail, string? Instance);
