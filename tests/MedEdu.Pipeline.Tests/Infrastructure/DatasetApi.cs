using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MedEdu.Pipeline.Tests.Infrastructure;

/// <summary>Calls the dataset routes of a running host the way a client would.</summary>
public static class DatasetApi
{
    /// <summary>POSTs a registration as JSON.</summary>
    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, object registration) =>
        client.PostAsync("api/datasets", new StringContent(JsonSerializer.Serialize(registration), Encoding.UTF8, "application/json"));

    /// <summary>GETs a JSON document.</summary>
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>
    /// Polls the dataset until <paramref name="version"/> is no longer ingesting and its orchestration has finished
    /// (the version turns Ready in the last activity, a moment before the orchestration itself completes); returns that version's summary.
    /// <paramref name="timeout"/> is how long the ingestion may show no change: each change of its
    /// reported progress (stage, rows, percent) starts the wait again, up to four times over in all,
    /// so a busy machine that ingests slowly is waited for and a stuck ingestion still fails.
    /// </summary>
    public static async Task<JsonElement> WaitForVersionAsync(this HttpClient client, string datasetId, int version, TimeSpan timeout, Func<string>? log = null)
    {
        var started = DateTime.UtcNow;
        var deadline = started + timeout;
        var cap = started + 4 * timeout;
        string lastProgress = "";
        JsonElement last = default;
        int failures = 0;
        while (DateTime.UtcNow < deadline)
        {
            // A host restarted by a crash test may fail a status read while its durable backend
            // reconnects; a few failures are tolerated, and the host's log comes with a lasting one.
            using (var response = await client.GetAsync($"api/datasets/{datasetId}"))
            {
                string body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500 && ++failures <= 3)
                {
                    await Task.Delay(500);
                    continue;
                }

                Assert.True(response.IsSuccessStatusCode, $"GET api/datasets/{datasetId} answered {(int)response.StatusCode}: {body}\n{log?.Invoke()}");
                last = JsonDocument.Parse(body).RootElement.Clone();
            }

            string progress = last.TryGetProperty("ingestion", out var ingestion) && ingestion.TryGetProperty("progress", out var p) ? p.GetRawText() : "";
            if (progress != lastProgress)
            {
                lastProgress = progress;
                deadline = new DateTime(Math.Min((DateTime.UtcNow + timeout).Ticks, cap.Ticks), DateTimeKind.Utc);
            }

            foreach (var v in last.GetProperty("versions").EnumerateArray())
            {
                if (v.GetProperty("version").GetInt32() == version && v.GetProperty("status").GetString() != "Ingesting" && !IngestionRunning(last))
                {
                    return v;
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"dataset {datasetId} v{version} still ingesting after {DateTime.UtcNow - started:g} ({timeout} without a change, or four times that in all): {last}\n{log?.Invoke()}");
    }

    private static bool IngestionRunning(JsonElement dataset) =>
        dataset.TryGetProperty("ingestion", out var ingestion)
        && ingestion.ValueKind == JsonValueKind.Object
        && ingestion.GetProperty("runtimeStatus").GetString() is "Running" or "Pending";

    /// <summary>Reads every item of a paged route.</summary>
    public static async Task<List<JsonElement>> GetAllPagesAsync(this HttpClient client, string path)
    {
        var items = new List<JsonElement>();
        for (int skip = 0; ; skip += 1000)
        {
            var page = await client.GetJsonAsync($"{path}{(path.Contains('?') ? '&' : '?')}skip={skip}&take=1000");
            var batch = page.GetProperty("items").EnumerateArray().ToList();
            items.AddRange(batch);
            if (batch.Count < 1000)
            {
                return items;
            }
        }
    }

    /// <summary>Asserts an RFC 7807 problem response with <paramref name="status"/> whose detail contains <paramref name="detailPart"/>.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailPart)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Contains(detailPart, problem.GetProperty("detail").GetString());
    }

    /// <summary>Asserts that a version summary is Ready, showing the summary (and its error) otherwise.</summary>
    public static void AssertReady(JsonElement version) =>
        Assert.True(version.GetProperty("status").GetString() == "Ready", $"version is not Ready: {version}");

    /// <summary>A unique dataset id for one test.</summary>
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}
