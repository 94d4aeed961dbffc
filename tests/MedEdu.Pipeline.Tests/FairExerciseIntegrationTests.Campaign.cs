using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MedEdu.Pipeline.Tests.Infrastructure;

namespace MedEdu.Pipeline.Tests;

/// <summary>
/// Discovery campaigns played whole through the API on the real local host and Azurite, on ESOL
/// (find the most soluble) and BBBP (find the penetrants), with a reload mid-campaign.
/// </summary>
public sealed partial class FairExerciseIntegrationTests
{
    [Theory]
    [InlineData("esol", "HighestValue")]
    [InlineData("bbbp", "MostActives")]
    public async Task AStudentPlaysACampaignToTheEndWithAReloadAndTheInstructorSeesTheCurves(string dataset, string goal)
    {
        string datasetId = dataset == "esol" ? fixture.Esol : fixture.Bbbp;
        var (code, created) = await CreateAsync(datasetId, new[] { new { kind = "Campaign", difficulty = 2, count = 1, librarySize = 200, rounds = 3, picksPerRound = 5 } }, seed: 11);
        Assert.True(code == HttpStatusCode.Created, created.ToString());
        string classId = created.GetProperty("classId").GetString()!;
        using var joined = await fixture.Host.Anonymous.PostAsJsonAsync("api/classes/join", new { code = created.GetProperty("code").GetString(), displayName = "Rosalind" });
        string token = JsonDocument.Parse(await joined.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        using var student = new HttpClient { BaseAddress = fixture.Host.Anonymous.BaseAddress };
        student.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        string campaignUrl = $"api/classes/{classId}/exercises/e01/campaign", submitUrl = $"api/classes/{classId}/exercises/e01/submissions";

        // The exercise states goal and budget; the library comes without a single measured value.
        var exercise = await student.GetFromJsonAsync<JsonElement>($"api/classes/{classId}/exercises/e01");
        Assert.Equal("Campaign", exercise.GetProperty("kind").GetString());
        Assert.Equal(goal, exercise.GetProperty("campaign").GetProperty("goal").GetString());
        Assert.Equal(5, exercise.GetProperty("picks").GetInt32());
        var start = await student.GetFromJsonAsync<JsonElement>(campaignUrl);
        var library = start.GetProperty("library").EnumerateArray().ToList();
        Assert.Equal(200, library.Count);
        Assert.All(library, c => Assert.False(c.TryGetProperty("measured", out _)));
        Assert.Equal(0, start.GetProperty("state").GetProperty("round").GetInt32());

        var measured = (await fixture.Host.Client.GetAllPagesAsync($"api/datasets/{datasetId}/compounds")).ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("value").GetDouble());
        var ids = library.Select(c => c.GetProperty("id").GetString()!).ToList();
        async Task<(HttpStatusCode Status, JsonElement Body)> PlayAsync(IEnumerable<string> picks)
        {
            using var r = await student.PostAsJsonAsync(submitUrl, new { answer = picks.ToList() });
            return (r.StatusCode, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone());
        }

        var (unknown, unknownBody) = await PlayAsync(["not-a-compound", ids[0]]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Contains("not in this campaign's library: not-a-compound", unknownBody.GetProperty("detail").GetString());

        var (first, round1) = await PlayAsync(ids.Take(5));
        Assert.Equal(HttpStatusCode.Created, first);
        Assert.False(round1.GetProperty("scored").GetBoolean());
        var revealed = round1.GetProperty("feedback").GetProperty("campaign").GetProperty("revealed").EnumerateArray().ToList();
        Assert.Equal(ids.Take(5), revealed.Select(r => r.GetProperty("id").GetString()));
        Assert.All(revealed, r => Assert.Equal(measured[r.GetProperty("id").GetString()!], r.GetProperty("measured").GetDouble()));
        Assert.False(round1.GetProperty("feedback").GetProperty("campaign").GetProperty("players")[1].TryGetProperty("picks", out _)); // the model's picks stay hidden

        // A reload: the campaign comes back from storage as played, and a bought compound cannot be bought again.
        var reloaded = await student.GetFromJsonAsync<JsonElement>(campaignUrl);
        Assert.Equal(1, reloaded.GetProperty("state").GetProperty("round").GetInt32());
        var bought = reloaded.GetProperty("library").EnumerateArray().Where(c => c.TryGetProperty("measured", out _)).ToList();
        Assert.Equal(ids.Take(5).Order(), bought.Select(c => c.GetProperty("id").GetString()).Order());
        Assert.All(bought, c => Assert.Equal(1, c.GetProperty("round").GetInt32()));
        var (again, againBody) = await PlayAsync([ids[2], ids[7]]);
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Contains($"already bought (a compound is made and tested once): {ids[2]}", againBody.GetProperty("detail").GetString());

        await PlayAsync(ids.Skip(5).Take(5));
        var (last, round3) = await PlayAsync(ids.Skip(10).Take(5));
        Assert.Equal(HttpStatusCode.Created, last);
        Assert.True(round3.GetProperty("scored").GetBoolean());
        var end = round3.GetProperty("feedback").GetProperty("campaign");
        Assert.True(end.GetProperty("finished").GetBoolean());
        Assert.Contains("Discovery areas: you", end.GetProperty("lesson").GetString());
        var players = end.GetProperty("players").EnumerateArray().ToList();
        Assert.Equal(["you", "model (UCB)", "model (greedy)", "random"], players.Select(p => p.GetProperty("name").GetString()));
        Assert.All(players, p => Assert.Equal(3, p.GetProperty("progress").GetArrayLength()));
        Assert.Equal(3, players[1].GetProperty("picks").GetArrayLength());
        Assert.Equal(round3.GetProperty("score").GetDouble(), players[0].GetProperty("score").GetDouble());

        var (over, overBody) = await PlayAsync([ids[40]]);
        Assert.Equal(HttpStatusCode.Conflict, over);
        Assert.Contains("the campaign is over", overBody.GetProperty("detail").GetString());
        var listed = (await student.GetFromJsonAsync<JsonElement>($"api/classes/{classId}/exercises")).EnumerateArray().Single();
        Assert.True(listed.GetProperty("submitted").GetBoolean());

        // The instructor sees the student's curve beside the opponents', as JSON and CSV.
        var report = await fixture.Host.Client.GetFromJsonAsync<JsonElement>($"api/classes/{classId}/campaigns/e01");
        var curve = report.GetProperty("students").EnumerateArray().Single();
        Assert.Equal("Rosalind", curve.GetProperty("name").GetString());
        Assert.True(curve.GetProperty("finished").GetBoolean());
        Assert.Equal(players[0].GetProperty("progress").EnumerateArray().Select(p => p.GetDouble()), curve.GetProperty("progress").EnumerateArray().Select(p => p.GetDouble()));
        Assert.Equal(3, report.GetProperty("opponents").GetArrayLength());
        string csv = await fixture.Host.Client.GetStringAsync($"api/classes/{classId}/campaigns/e01?format=csv");
        Assert.StartsWith("exercise_id,player,student_id,round,progress,area\n", csv);
        Assert.Equal(1 + (4 * 3), csv.TrimEnd('\n').Split('\n').Length);
        using var notCampaign = await fixture.Host.Client.GetAsync($"api/classes/{classId}/campaigns/e09");
        Assert.Equal(HttpStatusCode.NotFound, notCampaign.StatusCode);
    }
}
