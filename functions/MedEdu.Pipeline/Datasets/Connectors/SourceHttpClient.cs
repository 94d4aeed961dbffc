using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace MedEdu.Pipeline.Datasets.Connectors;

/// <summary>
/// The one way connectors download: the URL policy (https, allowlisted hosts, no private
/// addresses), the DNS check, no redirects, and the size and time limits of <see cref="PipelineOptions"/>.
/// </summary>
public sealed class SourceHttpClient(IHttpClientFactory httpClients, IOptions<PipelineOptions> options)
{
    /// <summary>Name of the HttpClient used for downloads (no automatic redirects; connect-time address check).</summary>
    public const string HttpClientName = "dataset-sources";

    /// <summary>GETs <paramref name="url"/> whole.</summary>
    /// <exception cref="DatasetSourceException">Refused, a redirect, a 4xx answer or over the size limit.</exception>
    /// <exception cref="HttpRequestException">A 5xx answer or a network failure: transient, worth a retry.</exception>
    public async Task<byte[]> GetAsync(string url, string accept, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.UrlPolicy.TryValidate(url, out var uri, out var error))
        {
            throw new DatasetSourceException(error!);
        }

        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(uri!.DnsSafeHost, cancellationToken);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new DatasetSourceException($"host '{uri!.Host}' cannot be resolved: {e.Message}");
        }

        if (addresses.All(a => SourceUrlPolicy.IsPrivate(a) && !(settings.AllowLoopbackSources && IPAddress.IsLoopback(a))))
        {
            throw new DatasetSourceException($"host '{uri.Host}' resolves only to private, link-local or loopback addresses");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.SourceTimeout);
        var client = httpClients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.5));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if ((int)response.StatusCode is >= 300 and < 400)
        {
            throw new DatasetSourceException($"{uri} answered with a redirect ({(int)response.StatusCode}); give the final URL");
        }

        if ((int)response.StatusCode is >= 400 and < 500)
        {
            throw new DatasetSourceException($"{uri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        // 5xx and network failures are transient: let the activity's retry policy try again.
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > settings.MaxSourceBytes)
        {
            throw new DatasetSourceException($"{uri} is {response.Content.Headers.ContentLength} bytes, over the {settings.MaxSourceBytes}-byte limit");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
        {
            if (buffer.Length + read > settings.MaxSourceBytes)
            {
                throw new DatasetSourceException($"{uri} is over the {settings.MaxSourceBytes}-byte limit");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
