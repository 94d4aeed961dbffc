using System.Net.Http.Json;
using System.Text.Json;

namespace MedEdu.Cli;

/// <summary>
/// <c>mededu upload</c>: sends an instructor's CSV or SMILES file to a MedEdu instance (a
/// write-only upload URL, the file in blocks) and registers it as a dataset.
/// </summary>
internal static class UploadCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = new Options(args, "--api", "--key", "--file", "--id", "--name", "--smiles-column", "--name-column", "--value-column", "--chunk-size", "--block-mib");
        string api = options.Required("--api").TrimEnd('/');
        string file = options.Required("--file");
        if (!File.Exists(file))
        {
            throw new UsageException($"no file '{file}'");
        }

        int blockBytes = options.Int("--block-mib", 8, 1, 100) << 20;
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        if (options.Text("--key") is { } key)
        {
            http.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        try
        {
            return RunAsync(http, api, file, blockBytes, options, stdout, stderr).GetAwaiter().GetResult();
        }
        catch (HttpRequestException e)
        {
            stderr.WriteLine($"mededu upload: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(HttpClient http, string api, string file, int blockBytes, Options options, TextWriter stdout, TextWriter stderr)
    {
        using var created = await http.PostAsJsonAsync($"{api}/api/uploads", new { fileName = Path.GetFileName(file) });
        var ticket = await ReadAsync(created, "POST /api/uploads", stderr);
        if (ticket is null)
        {
            return 1;
        }

        long size = new FileInfo(file).Length;
        long limit = ticket.Value.GetProperty("maxBytes").GetInt64();
        if (size > limit)
        {
            stderr.WriteLine($"mededu upload: '{file}' has {size:N0} bytes; this instance takes at most {limit:N0}");
            return 1;
        }

        await using (var content = File.OpenRead(file))
        {
            var progress = new Progress<long>(sent => stderr.WriteLine($"upload: {sent:N0} of {size:N0} bytes ({100.0 * sent / Math.Max(1, size):F0}%)"));
            await BlockUploader.UploadAsync(http, new Uri(ticket.Value.GetProperty("uploadUrl").GetString()!), content, blockBytes, progress);
        }

        var registration = new Dictionary<string, object?>
        {
            ["upload"] = ticket.Value.GetProperty("id").GetString(),
            ["id"] = options.Text("--id"),
            ["name"] = options.Text("--name"),
            ["smilesColumn"] = options.Text("--smiles-column"),
            ["nameColumn"] = options.Text("--name-column"),
            ["valueColumn"] = options.Text("--value-column"),
            ["chunkSize"] = options.Text("--chunk-size") is null ? null : options.Int("--chunk-size", 500, 10, 10_000),
        }.Where(p => p.Value is not null).ToDictionary();
        using var registered = await http.PostAsJsonAsync($"{api}/api/datasets", registration);
        var dataset = await ReadAsync(registered, "POST /api/datasets", stderr);
        if (dataset is null)
        {
            return 1;
        }

        string id = dataset.Value.GetProperty("id").GetString()!;
        stdout.WriteLine($"registered dataset '{id}' from {Path.GetFileName(file)}; ingesting: {api}/api/datasets/{id}");
        return 0;
    }

    private static async Task<JsonElement?> ReadAsync(HttpResponseMessage response, string what, TextWriter stderr)
    {
        string body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            string detail = body;
            try
            {
                using var problem = JsonDocument.Parse(body);
                detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? body : body;
            }
            catch (JsonException)
            {
            }

            stderr.WriteLine($"mededu upload: {what} answered {(int)response.StatusCode}: {detail}");
            return null;
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
