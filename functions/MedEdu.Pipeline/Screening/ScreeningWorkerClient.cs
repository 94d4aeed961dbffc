using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using MedEdu.Compute.Screening.Remote;
using Microsoft.Extensions.Options;

namespace MedEdu.Pipeline.Screening;

/// <summary>
/// Calls the screening worker's <c>POST /search</c> with the configured credential and timeout.
/// Every failure (unreachable, too slow, an error status, a body that is not an answer) is one
/// <see cref="ScreeningWorkerException"/> whose message says what went wrong, for the fallback.
/// </summary>
public sealed class ScreeningWorkerClient(IHttpClientFactory clients, IOptions<ScreeningWorkerOptions> options, TokenCredential? credential = null)
{
    /// <summary>Name of the HttpClient registered for the worker.</summary>
    public const string HttpClientName = "screening-worker";

    private readonly ScreeningWorkerOptions _options = options.Value;

    /// <summary>True when a worker is configured.</summary>
    public bool IsConfigured => _options.HasWorker;

    /// <summary>The worker's base URL.</summary>
    public string? Url => _options.WorkerUrl;

    /// <summary>Sends the search; throws <see cref="ScreeningWorkerException"/> when the worker does not answer it.</summary>
    public async Task<RemoteSearchResponse> SearchAsync(RemoteSearchRequest request, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.WorkerTimeout);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(_options.WorkerUrl!.TrimEnd('/') + "/"), "search"))
            {
                Content = JsonContent.Create(request, options: WireJson),
            };
            await AuthorizeAsync(message, timeout.Token);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(message, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                string detail = await ProblemDetailAsync(response, timeout.Token);
                throw new ScreeningWorkerException("status", $"the worker answered {(int)response.StatusCode}{(detail.Length > 0 ? ": " + detail : "")}");
            }

            return await response.Content.ReadFromJsonAsync<RemoteSearchResponse>(WireJson, timeout.Token)
                ?? throw new ScreeningWorkerException("body", "the worker answered an empty body");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ScreeningWorkerException("timeout", $"the worker did not answer within {_options.WorkerTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            throw new ScreeningWorkerException("unreachable", $"the worker is unreachable: {e.Message}");
        }
        catch (JsonException e)
        {
            throw new ScreeningWorkerException("body", $"the worker's answer is not a search result: {e.Message}");
        }
        catch (Azure.Identity.AuthenticationFailedException e)
        {
            throw new ScreeningWorkerException("credential", $"no token for the worker: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>camelCase, nulls left out: the worker's wire format.</summary>
    public static JsonSerializerOptions WireJson { get; } = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private async Task AuthorizeAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(_options.WorkerKey))
        {
            message.Headers.Add("x-worker-key", _options.WorkerKey);
        }
        else if (!string.IsNullOrEmpty(_options.WorkerAudience) && credential is not null)
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext([$"{_options.WorkerAudience.TrimEnd('/')}/.default"]), cancellationToken);
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        }
    }

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}

/// <summary>The worker did not answer a search; <see cref="Kind"/> is the metric's reason tag.</summary>
public sealed class ScreeningWorkerException(string kind, string message) : Exception(message)
{
    /// <summary>unreachable, timeout, status, body or credential.</summary>
    public string Kind { get; } = kind;
}
