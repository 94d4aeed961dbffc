using Microsoft.AspNetCore.Http;

namespace MedEdu.Api.Docs;

/// <summary>
/// The interactive API reference at <c>/api/docs/</c>: Scalar's standalone bundle, served from the
/// Scalar.AspNetCore package's embedded copy (no CDN), rendering <c>/api/openapi.json</c>. Scalar's
/// own page configures itself with an inline script; this one loads a script file instead, so
/// scripts stay <c>'self'</c> only (Scalar injects its styles, so styles allow inline).
/// </summary>
public static class ApiReferenceHandler
{
    private const string Policy =
        "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static readonly EmbeddedFiles Files = Load();

    /// <summary>Answers <c>GET /api/docs/{path}</c>: the reference page for the bare path, else its scripts.</summary>
    public static ApiResult Get(HttpRequest request, string? path) =>
        EmbeddedFiles.TrailingSlash(request, path) ?? Files.Serve(request, string.IsNullOrEmpty(path) ? "index.html" : path, Policy, "the API reference");

    private static EmbeddedFiles Load()
    {
        var files = new EmbeddedFiles(typeof(ApiReferenceHandler).Assembly, "MedEdu.ApiDocs.");
        var scalar = typeof(Scalar.AspNetCore.ScalarOptions).Assembly;
        files.Add("scalar.js", scalar, scalar.GetManifestResourceNames().Single(n => n.EndsWith("ScalarStaticAssets.scalar.js", StringComparison.Ordinal)));
        return files;
    }
}
