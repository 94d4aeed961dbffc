using System.Net.Http.Headers;
using System.Text;

namespace MedEdu.Cli;

/// <summary>
/// Sends a file to a Blob write-only URL in blocks (Put Block, then Put Block List), as the Azure
/// storage REST API defines them: large files go in pieces that each fit a request, and nothing is
/// visible until the block list commits them.
/// </summary>
public static class BlockUploader
{
    /// <summary>Default block size: 8 MiB.</summary>
    public const int DefaultBlockBytes = 8 << 20;

    /// <summary>Uploads <paramref name="content"/> to <paramref name="uploadUrl"/>; reports bytes sent after each block.</summary>
    /// <exception cref="HttpRequestException">Storage refused a block or the list (an expired or altered URL answers 403).</exception>
    public static async Task UploadAsync(HttpClient http, Uri uploadUrl, Stream content, int blockBytes = DefaultBlockBytes, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        var buffer = new byte[blockBytes];
        long sent = 0;
        int n;
        while ((n = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)) > 0)
        {
            // Block ids are base64 of equal-length strings, as the service requires.
            string id = Convert.ToBase64String(Encoding.ASCII.GetBytes($"block-{ids.Count:D6}"));
            using var block = new ByteArrayContent(buffer, 0, n);
            await SendAsync(http, HttpMethod.Put, With(uploadUrl, $"comp=block&blockid={Uri.EscapeDataString(id)}"), block, cancellationToken);
            ids.Add(id);
            sent += n;
            progress?.Report(sent);
        }

        var list = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (string id in ids)
        {
            list.Append("<Latest>").Append(id).Append("</Latest>");
        }

        using var body = new StringContent(list.Append("</BlockList>").ToString(), Encoding.UTF8, "application/xml");
        await SendAsync(http, HttpMethod.Put, With(uploadUrl, "comp=blocklist"), body, cancellationToken);
    }

    private static Uri With(Uri url, string query) => new(url + (url.Query.Length > 0 ? "&" : "?") + query);

    private static async Task SendAsync(HttpClient http, HttpMethod method, Uri url, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("x-ms-version", "2023-11-03");
        content.Headers.ContentType ??= new MediaTypeHeaderValue("application/octet-stream");
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            string detail = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"storage answered {(int)response.StatusCode} {response.ReasonPhrase}: {FirstMessage(detail)}", null, response.StatusCode);
        }
    }

    private static string FirstMessage(string xml)
    {
        int start = xml.IndexOf("<Message>", StringComparison.Ordinal);
        int end = xml.IndexOf("</Message>", StringComparison.Ordinal);
        return start >= 0 && end > start ? xml[(start + 9)..end].Split('\n')[0] : xml.Length > 200 ? xml[..200] : xml;
    }
}
