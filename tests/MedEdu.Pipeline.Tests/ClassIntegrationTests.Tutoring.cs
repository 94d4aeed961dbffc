using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using MedEdu.Pipeline.Classes;
using MedEdu.Pipeline.Storage;
using MedEdu.Pipeline.Tests.Infrastructure;
using MedEdu.Pipeline.Tutoring;

namespace MedEdu.Pipeline.Tests;

/// <summary>The student model through the API: mastery follows the answers, early warnings, an instructor's override, erasure.</summary>
public sealed partial class ClassIntegrationTests
{
    [Fact]
    public async Task TheStudentModelFollowsTheAnswersWarnsEarlyHonoursAnOverrideAndIsErasedWithTheClass()
    {
        var instructor = fixture.Host.Client;
        using var created = await instructor.PostAsJsonAsync("api/classes", new
        {
            name = "Tutoring",
            publish = true,
            datasetId = fixture.DatasetId,
            seed = 11,
            exercises = new object[]
            {
                new { kind = "SimilarityHunt", difficulty = 1, count = 2 },
                new { kind = "PropertyRanking", difficulty = 2, count = 1 },
                new { kind = "RuleCheck", difficulty = 1, count = 1 },
            },
        });
        var cls = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        string classId = cls.GetProperty("classId").GetString()!;
        string code = cls.GetProperty("code").GetString()!;
        var (_, scout) = await JoinAsync(code, "Scout");
        var (_, strong) = await JoinAsync(code, "Strong");
        var (weakId, weak) = await JoinAsync(code, "Weak");

        var before = await NextAsync(weak, classId);
        Assert.Equal("model", before.GetProperty("chosenBy").GetString());
        Assert.All(before.GetProperty("mastery").EnumerateArray(), m => Assert.Equal(0, m.GetProperty("answers").GetInt32()));
        double coldStart = Mastery(before, "similarity");

        // Scout answers first to reveal each key; Strong then answers right and Weak wrong, on all but the last exercise.
        var exercises = JsonDocument.Parse(await scout.GetStringAsync($"api/classes/{classId}/exercises")).RootElement.EnumerateArray()
            .Select(e => (Id: e.GetProperty("id").GetString()!, Kind: e.GetProperty("kind").GetString()!)).ToList();
        var kept = exercises.First(e => e.Kind == "RuleCheck");
        foreach (var (id, kind) in exercises.Where(e => e != kept))
        {
            var exercise = JsonDocument.Parse(await scout.GetStringAsync($"api/classes/{classId}/exercises/{id}")).RootElement;
            var candidates = exercise.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
            int picks = exercise.GetProperty("picks").GetInt32();
            var order = (await SubmitToAsync(scout, classId, id, kind == "PropertyRanking" ? candidates : candidates.Take(picks).ToList()))
                .GetProperty("feedback").GetProperty("truth").EnumerateArray().Select(t => t.GetString()!).ToList();
            var truth = kind == "PropertyRanking" ? order : order.Take(picks).ToList();
            var wrong = kind == "PropertyRanking" ? Enumerable.Reverse(order).ToList() : candidates.Except(truth).Take(picks).ToList();
            Assert.True((await SubmitToAsync(strong, classId, id, truth)).GetProperty("score").GetDouble() >= 80);
            Assert.True((await SubmitToAsync(weak, classId, id, wrong)).GetProperty("score").GetDouble() < 60);
        }

        var strongPlan = await NextAsync(strong, classId);
        var weakPlan = await NextAsync(weak, classId);
        Assert.True(Mastery(strongPlan, "similarity") > coldStart, "right answers raise mastery");
        Assert.True(Mastery(weakPlan, "similarity") < coldStart, "wrong answers lower it");
        Assert.True(Mastery(strongPlan, "solubility") > Mastery(weakPlan, "solubility"));
        Assert.Contains("% likely to get a", weakPlan.GetProperty("reason").GetString());

        // Weak has three answers, none of them falling yet: the model flags them, the falling list does not.
        var insights = JsonDocument.Parse(await instructor.GetStringAsync($"api/classes/{classId}/insights")).RootElement;
        var atRisk = insights.GetProperty("atRisk").EnumerateArray().ToList();
        var flag = Assert.Single(atRisk, r => r.GetProperty("displayName").GetString() == "Weak");
        Assert.Contains("Drug-likeness rules", flag.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        Assert.DoesNotContain(atRisk, r => r.GetProperty("displayName").GetString() == "Strong");
        Assert.Empty(insights.GetProperty("falling").EnumerateArray());
        var heat = insights.GetProperty("mastery").EnumerateArray().ToList();
        Assert.Equal(3 * 3, heat.Count); // three students x similarity, solubility, drug-likeness
        string csv = await instructor.GetStringAsync($"api/classes/{classId}/insights?format=csv");
        Assert.Contains("display_name,skill_id,skill,mastery,low,high,answers", csv);

        // The instructor overrides Weak's next exercise; it stands until Weak answers it.
        using (var unknown = await instructor.PutAsJsonAsync($"api/classes/{classId}/students/nobody/next", new { exerciseId = kept.Id }))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using (var set = await instructor.PutAsJsonAsync($"api/classes/{classId}/students/{weakId}/next", new { exerciseId = kept.Id, note = "start with the rules" }))
        {
            string body = await set.Content.ReadAsStringAsync();
            Assert.True(set.StatusCode == HttpStatusCode.OK, body);
            Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(body).RootElement.GetProperty("modelSuggestion").GetString()));
        }

        var overridden = await NextAsync(weak, classId);
        Assert.Equal("instructor", overridden.GetProperty("chosenBy").GetString());
        Assert.Equal(kept.Id, overridden.GetProperty("exerciseId").GetString());
        Assert.Contains("start with the rules", overridden.GetProperty("reason").GetString());
        Assert.Equal("model", (await NextAsync(strong, classId)).GetProperty("chosenBy").GetString());
        await SubmitToAsync(weak, classId, kept.Id, []);
        Assert.Equal("model", (await NextAsync(weak, classId)).GetProperty("chosenBy").GetString());

        var tables = new TableProvider(new StorageAccount(Azurite.ConnectionString));
        Assert.Contains(await new AuditRepository(tables).ForClassAsync(classId), a => a.Action == "practice override");
        var rows = new StudentModelRepository(tables);
        Assert.True(await rows.CountAsync(classId) > 0);
        using (var deleted = await instructor.DeleteAsync($"api/classes/{classId}"))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        Assert.Equal(0, await rows.CountAsync(classId));
    }

    private static double Mastery(JsonElement plan, string skillId) =>
        plan.GetProperty("mastery").EnumerateArray().Single(m => m.GetProperty("skillId").GetString() == skillId).GetProperty("mastery").GetDouble();

    private async Task<(string Id, HttpClient Client)> JoinAsync(string code, string name)
    {
        using var r = await Anonymous.PostAsJsonAsync("api/classes/join", new { code, displayName = name });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var joined = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        var client = new HttpClient { BaseAddress = Anonymous.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", joined.GetProperty("token").GetString());
        return (joined.GetProperty("studentId").GetString()!, client);
    }

    private static async Task<JsonElement> NextAsync(HttpClient student, string classId) =>
        JsonDocument.Parse(await student.GetStringAsync($"api/classes/{classId}/next")).RootElement.Clone();

    private static async Task<JsonElement> SubmitToAsync(HttpClient student, string classId, string exerciseId, List<string> answer)
    {
        using var r = await student.PostAsJsonAsync($"api/classes/{classId}/exercises/{exerciseId}/submissions", new { answer });
        string body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
