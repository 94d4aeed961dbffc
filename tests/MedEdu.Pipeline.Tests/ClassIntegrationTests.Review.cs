using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using MedEdu.Pipeline.Classes;
using MedEdu.Pipeline.Storage;
using MedEdu.Pipeline.Tests.Infrastructure;

namespace MedEdu.Pipeline.Tests;

/// <summary>Instructors decide what students see: drafts refuse students, review edits, publishing, revisions after answers, the audit.</summary>
public sealed partial class ClassIntegrationTests
{
    [Fact]
    public async Task A_draft_refuses_students_until_its_instructor_has_reviewed_edited_and_published_it()
    {
        var instructor = fixture.Host.Client;
        using var created = await instructor.PostAsJsonAsync("api/classes", new
        {
            name = "Reviewed",
            datasetId = fixture.DatasetId,
            property = "aqueous solubility",
            seed = 21,
            exercises = new object[]
            {
                new { kind = "SimilarityHunt", difficulty = 1, count = 1 },
                new { kind = "PropertyRanking", difficulty = 1, count = 1 },
                new { kind = "RuleCheck", difficulty = 1, count = 1 },
                new { kind = "MatchedPair", difficulty = 1, count = 1 },
            },
        });
        var cls = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("draft", cls.GetProperty("status").GetString());
        string classId = cls.GetProperty("classId").GetString()!;
        string code = cls.GetProperty("code").GetString()!;

        // A student of a draft is refused, naming why.
        using (var early = await Anonymous.PostAsJsonAsync("api/classes/join", new { code, displayName = "Early" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Contains("draft", await early.Content.ReadAsStringAsync());
        }

        // The preview shows each exercise as students will, beside its key and the model's answers.
        var review = await GetJsonAsync(instructor, $"api/classes/{classId}/review");
        Assert.Equal("draft", review.GetProperty("status").GetString());
        var exercises = review.GetProperty("exercises").EnumerateArray().ToList();
        Assert.Equal(4, exercises.Count);
        var ranking = exercises.Single(e => e.GetProperty("exercise").GetProperty("kind").GetString() == "PropertyRanking");
        Assert.Equal(ranking.GetProperty("exercise").GetProperty("candidates").GetArrayLength(), ranking.GetProperty("key").GetProperty("truth").GetArrayLength());
        Assert.True(ranking.GetProperty("key").GetProperty("modelOrder").GetArrayLength() > 0, "the model's answer is shown beside the key");
        Assert.False(exercises.Single(e => e.GetProperty("exercise").GetProperty("kind").GetString() == "MatchedPair").GetProperty("replaceable").GetBoolean());

        // Remove the matched pair; regenerate the rule check; reword the hunt.
        string pairId = Id(exercises.Single(e => Kind(e) == "MatchedPair"));
        using (var removed = await instructor.DeleteAsync($"api/classes/{classId}/exercises/{pairId}"))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }

        var rule = exercises.Single(e => Kind(e) == "RuleCheck");
        var regenerated = await SendJsonAsync(instructor, HttpMethod.Post, $"api/classes/{classId}/exercises/{Id(rule)}/regenerate", new { seed = 777 });
        Assert.Equal(777, regenerated.GetProperty("seed").GetInt32());
        Assert.Equal(Id(rule), Id(regenerated));
        Assert.NotEqual(Ids(rule), Ids(regenerated));
        var hunt = exercises.Single(e => Kind(e) == "SimilarityHunt");
        var reworded = await SendJsonAsync(instructor, HttpMethod.Patch, $"api/classes/{classId}/exercises/{Id(hunt)}", new { prompt = "Which three look most like the query to you?" });
        Assert.Equal("Which three look most like the query to you?", reworded.GetProperty("exercise").GetProperty("prompt").GetString());

        // Replace a ranking compound: one too close to another candidate's value is refused naming the rule; a far one is taken.
        var candidates = ranking.GetProperty("exercise").GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        var facts = ranking.GetProperty("key").GetProperty("facts");
        var values = candidates.ToDictionary(c => c, c => facts.GetProperty(c).GetProperty("measured").GetDouble());
        string outgoing = candidates[0];
        var compounds = await fixture.Host.Client.GetAllPagesAsync($"api/datasets/{fixture.DatasetId}/compounds");
        var others = values.Where(v => v.Key != outgoing).Select(v => v.Value).ToList();
        var pool = compounds.Where(c => c.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number && !candidates.Contains(c.GetProperty("id").GetString()!))
            .Select(c => (Id: c.GetProperty("id").GetString()!, Value: c.GetProperty("value").GetDouble())).ToList();
        var close = pool.First(c => Math.Abs(c.Value - others[0]) < 0.05);
        var far = pool.First(c => others.All(o => Math.Abs(o - c.Value) > 1.0));
        using (var refused = await instructor.PostAsJsonAsync($"api/classes/{classId}/exercises/{Id(ranking)}/replace", new { compoundId = outgoing, replacementId = close.Id }))
        {
            string body = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, body);
            Assert.Contains("experimental error", body);
        }

        var replaced = await SendJsonAsync(instructor, HttpMethod.Post, $"api/classes/{classId}/exercises/{Id(ranking)}/replace", new { compoundId = outgoing, replacementId = far.Id });
        Assert.Contains(far.Id, Ids(replaced));
        Assert.DoesNotContain(outgoing, Ids(replaced));
        Assert.Equal(values.Where(v => v.Key != outgoing).Append(new KeyValuePair<string, double>(far.Id, far.Value)).OrderByDescending(v => v.Value).Select(v => v.Key),
            replaced.GetProperty("key").GetProperty("truth").EnumerateArray().Select(t => t.GetString()!));

        // Publish: now students join and see the edited set of three.
        var published = await SendJsonAsync(instructor, HttpMethod.Post, $"api/classes/{classId}/publish", null);
        Assert.Equal("published", published.GetProperty("status").GetString());
        var (_, first) = await JoinAsync(code, "First");
        var shown = JsonDocument.Parse(await first.GetStringAsync($"api/classes/{classId}/exercises")).RootElement.EnumerateArray().ToList();
        Assert.Equal(3, shown.Count);
        Assert.DoesNotContain(shown, s => s.GetProperty("id").GetString() == pairId);
        Assert.Contains(shown, s => s.GetProperty("prompt").GetString() == "Which three look most like the query to you?");

        // First answers the ranking; then the instructor swaps a compound back: a new revision for everyone else,
        // while First keeps the old one, its key and their score.
        var answeredV1 = await SubmitToAsync(first, classId, Id(ranking), Ids(replaced));
        Assert.True(answeredV1.GetProperty("scored").GetBoolean());
        var revised = await SendJsonAsync(instructor, HttpMethod.Post, $"api/classes/{classId}/exercises/{Id(ranking)}/replace", new { compoundId = far.Id, replacementId = outgoing });
        string v2 = Id(revised);
        Assert.Equal($"{Id(ranking)}r2", v2);
        Assert.Equal(2, revised.GetProperty("revision").GetInt32());
        using (var stale = await instructor.PostAsJsonAsync($"api/classes/{classId}/exercises/{Id(ranking)}/regenerate", new { seed = 5 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Contains(v2, await stale.Content.ReadAsStringAsync());
        }

        var (_, late) = await JoinAsync(code, "Late");
        var lateList = JsonDocument.Parse(await late.GetStringAsync($"api/classes/{classId}/exercises")).RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.Contains(v2, lateList);
        Assert.DoesNotContain(Id(ranking), lateList);
        var firstList = JsonDocument.Parse(await first.GetStringAsync($"api/classes/{classId}/exercises")).RootElement.EnumerateArray().ToList();
        var firstRanking = firstList.Single(e => e.GetProperty("id").GetString() == Id(ranking));
        Assert.Equal(answeredV1.GetProperty("score").GetDouble(), firstRanking.GetProperty("score").GetDouble());
        Assert.DoesNotContain(firstList, e => e.GetProperty("id").GetString() == v2);

        // Each revision is scored against its own key: Late's perfect v2 order scores 100, and First's answer to v2 is recorded, not scored again.
        var v2Exercise = JsonDocument.Parse(await late.GetStringAsync($"api/classes/{classId}/exercises/{v2}")).RootElement;
        var v2Ids = v2Exercise.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        Assert.Contains(outgoing, v2Ids);
        var v2Truth = (await SubmitToAsync(late, classId, v2, v2Ids)).GetProperty("feedback").GetProperty("truth").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.Equal(values.OrderByDescending(v => v.Value).Select(v => v.Key), v2Truth);
        var firstOnV2 = await SubmitToAsync(first, classId, v2, v2Truth);
        Assert.False(firstOnV2.GetProperty("scored").GetBoolean());
        Assert.Equal(answeredV1.GetProperty("score").GetDouble(), firstOnV2.GetProperty("score").GetDouble());
        var board = JsonDocument.Parse(await first.GetStringAsync($"api/classes/{classId}/leaderboard")).RootElement.EnumerateArray()
            .Single(r => r.GetProperty("displayName").GetString() == "First");
        Assert.Equal(1, board.GetProperty("exercises").GetInt32());

        // The review lists both revisions; every change is audited with who did it.
        var after = (await GetJsonAsync(instructor, $"api/classes/{classId}/review")).GetProperty("exercises").EnumerateArray().ToList();
        Assert.True(after.Single(e => Id(e) == Id(ranking)).GetProperty("retired").GetBoolean());
        Assert.Equal(1, after.Single(e => Id(e) == Id(ranking)).GetProperty("submissions").GetInt32());
        var audit = await new AuditRepository(new TableProvider(new StorageAccount(Azurite.ConnectionString))).ForClassAsync(classId);
        Assert.Equal(["class published", "compound replaced", "compound replaced", "exercise regenerated", "exercise removed", "prompt edited"], audit.Select(a => a.Action).Order(StringComparer.Ordinal));
        Assert.All(audit, a => Assert.False(string.IsNullOrEmpty(a.ActorName)));
        Assert.Contains(audit, a => a.Action == "compound replaced" && a.Detail.Contains($"revision 2 is {v2}"));
    }

    private static string Kind(JsonElement reviewed) => reviewed.GetProperty("exercise").GetProperty("kind").GetString()!;

    private static string Id(JsonElement reviewed) => reviewed.GetProperty("exercise").GetProperty("id").GetString()!;

    private static List<string> Ids(JsonElement reviewed) =>
        reviewed.GetProperty("exercise").GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var r = await client.GetAsync(path);
        string body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> SendJsonAsync(HttpClient client, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var r = await client.SendAsync(request);
        string text = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{method} {path}: {(int)r.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
