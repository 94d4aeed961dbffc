using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace MedEdu.Pipeline.Http;

/// <summary>
/// Serves the student and instructor web page (<c>WebApp/</c>, embedded in this assembly so the
/// Functions app and the local host serve the very same files) under <c>/api/app/</c>.
/// </summary>
public sealed class WebAppRoutes(Storage.StorageAccount storage)
{
    // The page PUTs uploads straight to Blob storage (the valet-key URL), so it may connect there too.
    private readonly string _connect = $"'self' {storage.Blobs.Uri.GetLeftPart(UriPartial.Authority)}";

    /// <summary>Route template, relative to <c>/api</c>.</summary>
    public const string Route = "app/{*path}";

    private const string Prefix = "MedEdu.WebApp.";

    private static readonly Dictionary<string, (byte[] Content, string ETag)> Files = Load();

    /// <summary>The page's files by name (for tests).</summary>
    public static IReadOnlyCollection<string> FileNames => Files.Keys;

    /// <summary>Answers <c>GET /api/app/{path}</c>: a file of the page, <c>index.html</c> for the bare path.</summary>
    public ApiResult Get(HttpRequest request, string? path)
    {
        if (string.IsNullOrEmpty(path) && !request.Path.Value!.EndsWith('/'))
        {
            // Relative links in the page need the trailing slash.
            var redirect = ApiResult.Text("", "text/plain", StatusCodes.Status308PermanentRedirect);
            redirect.Headers["Location"] = request.PathBase + request.Path + "/";
            return redirect;
        }

        string name = string.IsNullOrEmpty(path) ? "index.html" : path;
        if (!Files.TryGetValue(name, out var file))
        {
            return ApiResult.Problem(StatusCodes.Status404NotFound, "Not found", $"the web page has no file '{name}'");
        }

        var result = ApiResult.Cacheable(request, file.ETag, ContentType(name), () => ApiResult.Bytes(file.Content, ContentType(name)));
        result.Headers["Cache-Control"] = "no-cache";
        result.Headers["X-Content-Type-Options"] = "nosniff";
        result.Headers["Content-Security-Policy"] =
            $"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src {_connect}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        result.Headers["Referrer-Policy"] = "no-referrer";
        return result;
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".json" => "application/json; charset=utf-8",
        _ => "application/octet-stream",
    };

    private static Dictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(WebAppRoutes).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            byte[] content = copy.ToArray();
            files[resource[Prefix.Length..]] = (content, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
        }

        return files;
    }
}
