using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace MedEdu.Api.Http;

/// <summary>Static files embedded in an assembly, served with an ETag, revalidated on every use and under a content security policy.</summary>
public sealed class EmbeddedFiles
{
    private readonly Dictionary<string, (byte[] Content, string ETag)> _files = new(StringComparer.Ordinal);

    /// <summary>The resources of <paramref name="assembly"/> whose names start with <paramref name="prefix"/>, by the rest of their name.</summary>
    public EmbeddedFiles(Assembly assembly, string prefix)
    {
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            Add(resource[prefix.Length..], assembly, resource);
        }
    }

    /// <summary>The files' names.</summary>
    public IReadOnlyCollection<string> Names => _files.Keys;

    /// <summary>Adds resource <paramref name="resource"/> of <paramref name="assembly"/> as <paramref name="name"/>.</summary>
    public void Add(string name, Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no resource '{resource}'");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        byte[] content = copy.ToArray();
        if (content is [0x1f, 0x8b, ..])
        {
            // A package's pre-compressed asset (Scalar ships its bundle gzipped): served plain.
            using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(content), System.IO.Compression.CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            content = plain.ToArray();
        }

        _files[name] = (content, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
    }

    /// <summary>Answers the file <paramref name="name"/> (304 when the client's copy is current), or 404 naming it.</summary>
    public ApiResult Serve(HttpRequest request, string name, string contentSecurityPolicy, string what)
    {
        if (!_files.TryGetValue(name, out var file))
        {
            return ApiResult.Problem(StatusCodes.Status404NotFound, "Not found", $"{what} has no file '{name}'");
        }

        var result = ApiResult.Cacheable(request, file.ETag, ContentType(name), () => ApiResult.Bytes(file.Content, ContentType(name)));
        result.Headers["Cache-Control"] = "no-cache";
        result.Headers["X-Content-Type-Options"] = "nosniff";
        result.Headers["Content-Security-Policy"] = contentSecurityPolicy;
        result.Headers["Referrer-Policy"] = "no-referrer";
        return result;
    }

    /// <summary>A redirect to the same path with a trailing slash (relative links need it), or null when it has one.</summary>
    public static ApiResult? TrailingSlash(HttpRequest request, string? path)
    {
        if (!string.IsNullOrEmpty(path) || request.Path.Value!.EndsWith('/'))
        {
            return null;
        }

        var redirect = ApiResult.Text("", "text/plain", StatusCodes.Status308PermanentRedirect);
        redirect.Headers["Location"] = request.PathBase + request.Path + "/";
        return redirect;
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
}
