using System.Net;
using System.Text;
using System.Text.Json;
using MedEdu.Pipeline.Tests.Infrastructure;
using MedEdu.Testing;

namespace MedEdu.Pipeline.Tests;

/// <summary>Refresh schedules on the real local host: the timer fires them, pausing stops them, and readers never see a half-ingested version.</summary>
[LongRunning(40)]
[Trait("Category", "Integration")]
public sealed class ScheduleIntegrationTests(ScheduleIntegrationTests.TimerHost fixture) : IClassFixture<ScheduleIntegrationTests.TimerHost>
{
    /// <summary>A host whose schedule timer ticks every second.</summary>
    public sealed class TimerHost : IAsyncLifetime
    {
        public LocalHostProcess Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await LocalHostProcess.StartAsync(null, "--LocalHost:ScheduleCheckInterval=00:00:01");

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task AScheduleFiresARefreshThatReplacesTheServedVersionAtomicallyAndPausingStopsIt()
    {
        // Version 1: the first 300 ESOL rows; the source then grows to 400 rows.
        string[] esol = File.ReadAllLines(RepoPaths.Dataset("esol-delaney.csv"));
        byte[] Rows(int n) => Encoding.UTF8.GetBytes(string.Join('\n', esol.Take(n + 1)) + "\n");
        await using var server = await CsvFileServer.StartAsync();
        string url = server.Serve("esol-part.csv", Rows(300));
        string id = DatasetApi.UniqueId("sched");
        using var registered = await Client.RegisterAsync(new { id, url, smilesColumn = "smiles", nameColumn = "Compound ID", valueColumn = "measured log solubility in mols per litre" });
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        DatasetApi.AssertReady(await Client.WaitForVersionAsync(id, 1, TimeSpan.FromSeconds(60), () => fixture.Host.Log));

        // Readers keep reading while the schedule refreshes: each read is one whole version.
        using var stopReading = new CancellationTokenSource();
        var reads = new List<(int Count, int[] Versions)>();
        var reader = Task.Run(async () =>
        {
            while (!stopReading.IsCancellationRequested)
            {
                var page = await Client.GetJsonAsync($"api/datasets/{id}/compounds?take=1000");
                var items = page.GetProperty("items").EnumerateArray().ToList();
                reads.Add((items.Count, items.Select(c => c.GetProperty("version").GetInt32()).Distinct().ToArray()));
                await Task.Delay(50);
            }
        });

        server.Serve("esol-part.csv", Rows(400));
        using var created = await Client.PostAsync($"api/datasets/{id}/schedules", Json(new { cron = "*/2 * * * * *" }));
        string body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var schedule = JsonDocument.Parse(body).RootElement;
        string scheduleId = schedule.GetProperty("id").GetString()!;
        Assert.False(schedule.GetProperty("paused").GetBoolean());
        Assert.True(schedule.GetProperty("nextRunAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddSeconds(-1));

        DatasetApi.AssertReady(await Client.WaitForVersionAsync(id, 2, TimeSpan.FromSeconds(60), () => fixture.Host.Log));
        Assert.Equal(2, (await Client.GetJsonAsync($"api/datasets/{id}")).GetProperty("readyVersion").GetInt32());

        using var paused = await Client.PostAsync($"api/datasets/{id}/schedules/{scheduleId}/pause", null);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        await Task.Delay(3000); // a tick that claimed the schedule just before the pause may still start one refresh
        int latest = (await Client.GetJsonAsync($"api/datasets/{id}")).GetProperty("latestVersion").GetInt32();
        await Task.Delay(4000);
        var after = await Client.GetJsonAsync($"api/datasets/{id}");
        Assert.Equal(latest, after.GetProperty("latestVersion").GetInt32());
        // Later scheduled runs saw the same 400-row file: "no change", the served version stays 2.
        Assert.All(after.GetProperty("versions").EnumerateArray().Where(v => v.GetProperty("version").GetInt32() > 2 && v.GetProperty("status").GetString() != "Ingesting"),
            v => Assert.Equal("Unchanged", v.GetProperty("status").GetString()));
        Assert.Equal(2, after.GetProperty("readyVersion").GetInt32());

        await stopReading.CancelAsync();
        await reader;
        Assert.Contains(reads, r => r.Count == 300);
        Assert.Contains(reads, r => r.Count == 400);
        Assert.All(reads, r => Assert.True(
            (r.Count == 300 && r.Versions.SequenceEqual([1])) || (r.Count == 400 && r.Versions.SequenceEqual([2])),
            $"a read saw {r.Count} compounds of versions {string.Join(",", r.Versions)}"));

        var list = await Client.GetJsonAsync($"api/datasets/{id}/schedules");
        var listed = Assert.Single(list.EnumerateArray());
        Assert.True(listed.GetProperty("paused").GetBoolean());
        Assert.True(listed.GetProperty("lastVersion").GetInt32() >= 2);
        Assert.Equal("*/2 * * * * *", listed.GetProperty("cron").GetString());

        using var deleted = await Client.DeleteAsync($"api/datasets/{id}/schedules/{scheduleId}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Empty((await Client.GetJsonAsync($"api/datasets/{id}/schedules")).EnumerateArray());
        using var again = await Client.DeleteAsync($"api/datasets/{id}/schedules/{scheduleId}");
        await DatasetApi.AssertProblemAsync(again, HttpStatusCode.NotFound, $"has no schedule '{scheduleId}'");
    }

    [Fact]
    public async Task ScheduleRequestsAreCheckedAndNeedTheInstructorKey()
    {
        string id = DatasetApi.UniqueId("schedbad");
        using var registered = await Client.RegisterAsync(new { id, bundled = "freesolv" });
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);

        using var fiveFields = await Client.PostAsync($"api/datasets/{id}/schedules", Json(new { cron = "0 3 * * MON" }));
        await DatasetApi.AssertProblemAsync(fiveFields, HttpStatusCode.BadRequest, "NCRONTAB needs 6");
        using var badHour = await Client.PostAsync($"api/datasets/{id}/schedules", Json(new { cron = "0 0 25 * * *" }));
        await DatasetApi.AssertProblemAsync(badHour, HttpStatusCode.BadRequest, "hour field '25'");
        using var unknown = await Client.PostAsync("api/datasets/no-such-dataset/schedules", Json(new { cron = "0 0 3 * * MON" }));
        await DatasetApi.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "no dataset with id 'no-such-dataset'");
        using var anonymous = await fixture.Host.Anonymous.PostAsync($"api/datasets/{id}/schedules", Json(new { cron = "0 0 3 * * MON" }));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var pauseUnknown = await Client.PostAsync($"api/datasets/{id}/schedules/nope/pause", null);
        await DatasetApi.AssertProblemAsync(pauseUnknown, HttpStatusCode.NotFound, "has no schedule 'nope'");

        // A weekly schedule is created with its next Monday 03:00 UTC.
        using var weekly = await Client.PostAsync($"api/datasets/{id}/schedules", Json(new { cron = "0 0 3 * * MON" }));
        var next = JsonDocument.Parse(await weekly.Content.ReadAsStringAsync()).RootElement.GetProperty("nextRunAt").GetDateTimeOffset();
        Assert.Equal((DayOfWeek.Monday, 3, 0), (next.UtcDateTime.DayOfWeek, next.UtcDateTime.Hour, next.UtcDateTime.Minute));
        Assert.InRange(next - DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromDays(7));
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
