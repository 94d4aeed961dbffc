using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MedEdu.Pipeline.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for a dataset's web host: CSV files, redirects, and
/// web-service answers (PubChem, ChEMBL) at exact paths and queries.
/// </summary>
public sealed class CsvFileServer : IAsyncDisposable
{
    private readonly Dictionary<string, byte[]> _files = [];
    private readonly Dictionary<string, string> _redirects = [];
    private readonly Dictionary<string, byte[]> _answers = new(StringComparer.Ordinal);
    private readonly List<string> _requests = [];
    private readonly WebApplication _app;

    private CsvFileServer(WebApplication app) => _app = app;

    /// <summary>Base URL, e.g. <c>http://127.0.0.1:12345/</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Starts the server on a free loopback port.</summary>
    public static async Task<CsvFileServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var server = new CsvFileServer(builder.Build());
        server._app.MapGet("/files/{name}", (string name) =>
        {
            lock (server._files)
            {
                return server._files.TryGetValue(name, out var bytes)
                    ? Results.Bytes(bytes, "text/csv")
                    : Results.NotFound();
            }
        });
        server._app.MapGet("/redirect/{name}", (string name) =>
        {
            lock (server._redirects)
            {
                return server._redirects.TryGetValue(name, out var target) ? Results.Redirect(target) : Results.NotFound();
            }
        });
        // An explicit pattern: the default fallback skips file-like paths such as activity.json.
        server._app.MapFallback("{**path}", (HttpContext context) =>
        {
            string key = context.Request.Path + context.Request.QueryString;
            lock (server._answers)
            {
                server._requests.Add(key);
                return server._answers.TryGetValue(key, out var bytes)
                    ? Results.Bytes(bytes, "application/json")
                    : Results.Json(new { Fault = new { Code = "PUGREST.NotFound", Message = $"nothing recorded for {key}" } }, statusCode: 404);
            }
        });
        await server._app.StartAsync();
        server.BaseUrl = server._app.Urls.First().TrimEnd('/') + "/";
        return server;
    }

    /// <summary>Serves <paramref name="content"/> at <c>files/{name}</c> and returns its URL.</summary>
    public string Serve(string name, byte[] content)
    {
        lock (_files)
        {
            _files[name] = content;
        }

        return $"{BaseUrl}files/{name}";
    }

    /// <summary>Answers <c>redirect/{name}</c> with a 302 to <paramref name="target"/> and returns that URL.</summary>
    public string Redirect(string name, string target)
    {
        lock (_redirects)
        {
            _redirects[name] = target;
        }

        return $"{BaseUrl}redirect/{name}";
    }

    /// <summary>Answers a GET of exactly <paramref name="pathAndQuery"/> (e.g. <c>/rest/pug/compound/cid/1,2/property/Title/JSON</c>) with JSON.</summary>
    public void Answer(string pathAndQuery, byte[] json)
    {
        lock (_answers)
        {
            _answers[pathAndQuery] = json;
        }
    }

    /// <summary>Paths and queries of the requests that reached the web-service answers, in order.</summary>
    public List<string> Requests
    {
        get
        {
            lock (_answers)
            {
                return [.. _requests];
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
