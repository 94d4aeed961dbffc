using Microsoft.AspNetCore.Http;

namespace MedEdu.Api.WebApp;

/// <summary>
/// Serves the student and instructor web page (<c>WebApp/Page/</c>, embedded in this assembly so the
/// Functions app and the local host serve the very same files) under <c>/api/app/</c>.
/// </summary>
public sealed class WebAppHandler(MedEdu.Pipeline.Storage.StorageAccount storage)
{
    private static readonly EmbeddedFiles Files = new(typeof(WebAppHandler).Assembly, "MedEdu.WebApp.");

    // The page PUTs uploads straight to Blob storage (the valet-key URL), so it may connect there too.
    private readonly string _policy =
        $"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self' {storage.Blobs.Uri.GetLeftPart(UriPartial.Authority)}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>The page's files by name (for tests).</summary>
    public static IReadOnlyCollection<string> FileNames => Files.Names;

    /// <summary>Answers <c>GET /api/app/{path}</c>: a file of the page, <c>index.html</c> for the bare path.</summary>
    public ApiResult Get(HttpRequest request, string? path) =>
        EmbeddedFiles.TrailingSlash(request, path) ?? Files.Serve(request, string.IsNullOrEmpty(path) ? "index.html" : path, _policy, "the web page");
}
