using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MedEdu.Pipeline.Tests.Infrastructure;

namespace MedEdu.Pipeline.Tests;

/// <summary>A whole class on the real local host and Azurite: instructor, two students, submissions, results; and the rules.</summary>
[Trait("Category", "Integration")]
public sealed partial class ClassIntegrationTests(ClassIntegrationTests.ClassFixture fixture) : IClassFixture<ClassIntegrationTests.ClassFixture>
{
    /// <summary>The shared host's ESOL and a class created from it.</summary>
    public sealed class ClassFixture : IAsyncLifetime
    {
        public LocalHostProcess Host { get; private set; } = null!;

        public string DatasetId { get; private set; } = "";

        public JsonElement Class { get; private set; }

        public async Task InitializeAsync()
        {
            Host = await SharedLocalHost.HostAsync();
            DatasetId = await SharedLocalHost.EsolAsync();
            using var created = await Host.Client.PostAsJsonAsync("api/classes", new
            {
                name = "Pharmacy 101",
                publish = true,
                datasetId = DatasetId,
                property = "aqueous solubility",
                seed = 7,
                exercises = new object[]
                {
                    new { kind = "SimilarityHunt", difficulty = 1, count = 1 },
                    new { kind = "PropertyRanking", difficulty = 2, count = 1 },
                    new { kind = "VirtualScreen", difficulty = 1, count = 1 },
                    new { kind = "RuleCheck", difficulty = 1, count = 1 },
                },
            });
            string body = await created.Content.ReadAsStringAsync();
            Assert.True(created.StatusCode == HttpStatusCode.Created, body);
            Class = JsonDocument.Parse(body).RootElement.Clone();
        }

        public Task DisposeAsync() => Task.CompletedTask; // the host is shared
    }

    private HttpClient Anonymous => fixture.Host.Anonymous;

    private string ClassId => fixture.Class.GetProperty("classId").GetString()!;

    private async Task<(string Id, string Token, HttpClient Client)> JoinAsync(string name)
    {
        using var r = await Anonymous.PostAsJsonAsync("api/classes/join", new { code = fixture.Class.GetProperty("code").GetString(), displayName = name });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var joined = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        var client = new HttpClient { BaseAddress = Anonymous.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", joined.GetProperty("token").GetString());
        return (joined.GetProperty("studentId").GetString()!, joined.GetProperty("token").GetString()!, client);
    }

    /// <summary>The quick tier's end-to-end path (scripts/test.sh --quick): ingest, class, students, scores, leaderboard.</summary>
    [Fact]
    [Trait("Category", "Smoke")]
    public async Task AClassOfTwoStudentsDoesItsExercisesAndGetsResults()
    {
        var (aliceId, _, alice) = await JoinAsync("Alice");
        var (bobId, _, bob) = await JoinAsync("Bob");
        var exercises = JsonDocument.Parse(await alice.GetStringAsync($"api/classes/{ClassId}/exercises")).RootElement;
        Assert.Equal(4, exercises.GetArrayLength());

        double aliceTotal = 0, bobTotal = 0;
        foreach (var summary in exercises.EnumerateArray())
        {
            string id = summary.GetProperty("id").GetString()!;
            var exercise = JsonDocument.Parse(await alice.GetStringAsync($"api/classes/{ClassId}/exercises/{id}")).RootElement;
            var candidates = exercise.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
            int picks = exercise.GetProperty("picks").GetInt32();
            string kind = exercise.GetProperty("kind").GetString()!;
            var answer = kind switch
            {
                "PropertyRanking" => candidates,
                "RuleCheck" => [],
                _ => candidates.Take(picks).ToList(),
            };
            var aliceResult = await SubmitAsync(alice, id, answer);
            var bobResult = await SubmitAsync(bob, id, Enumerable.Reverse(answer).ToList());
            Assert.True(aliceResult.GetProperty("scored").GetBoolean());
            aliceTotal += aliceResult.GetProperty("score").GetDouble();
            bobTotal += bobResult.GetProperty("score").GetDouble();
            Assert.NotEmpty(aliceResult.GetProperty("feedback").GetProperty("truth").EnumerateArray());
            Assert.NotEmpty(aliceResult.GetProperty("feedback").GetProperty("explanations").EnumerateArray());

            // A resubmission is recorded but not rescored.
            var again = await SubmitAsync(alice, id, answer);
            Assert.False(again.GetProperty("scored").GetBoolean());
            Assert.Equal(2, again.GetProperty("attempt").GetInt32());
            Assert.Equal(aliceResult.GetProperty("score").GetDouble(), again.GetProperty("score").GetDouble());
        }

        var leaderboard = JsonDocument.Parse(await bob.GetStringAsync($"api/classes/{ClassId}/leaderboard")).RootElement.EnumerateArray().ToList();
        var aliceRow = leaderboard.Single(r => r.GetProperty("displayName").GetString() == "Alice");
        Assert.Equal(Math.Round(aliceTotal, 1), aliceRow.GetProperty("total").GetDouble(), 1);
        Assert.Equal(4, aliceRow.GetProperty("exercises").GetInt32());
        var names = leaderboard.Select(r => r.GetProperty("displayName").GetString()).ToList();
        Assert.True(aliceTotal >= bobTotal ? names.IndexOf("Alice") < names.IndexOf("Bob") : names.IndexOf("Bob") < names.IndexOf("Alice"));

        string csv = await fixture.Host.Client.GetStringAsync($"api/classes/{ClassId}/results?format=csv");
        var lines = csv.Trim().Split('\n');
        Assert.Equal("student_id,display_name,exercise_id,kind,difficulty,score,model_score,submitted_at", lines[0]);
        Assert.Equal(0, (lines.Length - 1) % 4); // one row per student and exercise (other tests add students too)
        Assert.Equal(4, lines.Count(l => l.StartsWith(aliceId + ",Alice,", StringComparison.Ordinal)));
        Assert.Equal(4, lines.Count(l => l.StartsWith(bobId + ",Bob,", StringComparison.Ordinal)));

        var mine = JsonDocument.Parse(await alice.GetStringAsync($"api/classes/{ClassId}/submissions")).RootElement;
        Assert.Equal(8, mine.GetArrayLength()); // 4 scored + 4 resubmissions, all Alice's
        var next = JsonDocument.Parse(await alice.GetStringAsync($"api/classes/{ClassId}/next")).RootElement;
        Assert.False(string.IsNullOrEmpty(next.GetProperty("reason").GetString()));
        Assert.Equal(3, next.GetProperty("mastery").GetArrayLength()); // similarity, solubility, drug-likeness
    }

    [Fact]
    public async Task NoExerciseResponseContainsTruthOrModelValuesBeforeSubmission()
    {
        var (_, _, carol) = await JoinAsync("Carol");
        var exercises = JsonDocument.Parse(await carol.GetStringAsync($"api/classes/{ClassId}/exercises")).RootElement;
        foreach (var summary in exercises.EnumerateArray())
        {
            string body = await carol.GetStringAsync($"api/classes/{ClassId}/exercises/{summary.GetProperty("id").GetString()}");
            var names = PropertyNames(JsonDocument.Parse(body).RootElement).Select(n => n.ToLowerInvariant()).ToHashSet();
            foreach (var forbidden in new[] { "truth", "modelorder", "facts", "measured", "predicted", "similarity", "value", "score", "key" })
            {
                Assert.DoesNotContain(forbidden, names);
            }

            Assert.Equal(summary.GetProperty("kind").GetString(), JsonDocument.Parse(body).RootElement.GetProperty("kind").GetString());
        }

        string list = await carol.GetStringAsync($"api/classes/{ClassId}/exercises");
        Assert.DoesNotContain("truth", PropertyNames(JsonDocument.Parse(list).RootElement));
    }

    private static IEnumerable<string> PropertyNames(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                yield return p.Name;
                foreach (var n in PropertyNames(p.Value))
                {
                    yield return n;
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                foreach (var n in PropertyNames(item))
                {
                    yield return n;
                }
            }
        }
    }

    [Fact]
    public async Task InstructorRoutesNeedTheKey()
    {
        using var missing = await Anonymous.PostAsJsonAsync("api/classes", new { name = "x", datasetId = fixture.DatasetId });
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, $"api/classes/{ClassId}/results");
        wrong.Headers.Add("x-functions-key", "not-the-key");
        Assert.Equal(HttpStatusCode.Forbidden, (await Anonymous.SendAsync(wrong)).StatusCode);
        using var register = await Anonymous.PostAsJsonAsync("api/datasets", new { bundled = "esol" });
        Assert.Equal(HttpStatusCode.Unauthorized, register.StatusCode);
        Assert.Equal("application/problem+json", register.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task StudentsSeeOnlyTheirOwnClassAndSubmissions()
    {
        var (_, _, dave) = await JoinAsync("Dave");
        using var noToken = await Anonymous.GetAsync($"api/classes/{ClassId}/exercises");
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        using var otherClass = await dave.GetAsync("api/classes/cnotmine/exercises");
        Assert.Equal(HttpStatusCode.Forbidden, otherClass.StatusCode);
        using var forged = new HttpRequestMessage(HttpMethod.Get, $"api/classes/{ClassId}/submissions");
        forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s12345678.forged-token");
        Assert.Equal(HttpStatusCode.Forbidden, (await Anonymous.SendAsync(forged)).StatusCode);
        var mine = JsonDocument.Parse(await dave.GetStringAsync($"api/classes/{ClassId}/submissions")).RootElement;
        Assert.Equal(0, mine.GetArrayLength()); // others' submissions are never listed
    }

    [Fact]
    public async Task BadBodiesAreRefusedWithProblems()
    {
        var (_, _, erin) = await JoinAsync("Erin");
        string exercise = fixture.Class.GetProperty("exercises")[0].GetProperty("id").GetString()!;
        using var malformed = await erin.PostAsync($"api/classes/{ClassId}/exercises/{exercise}/submissions", new StringContent("{\"answer\": [", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        using var oversized = await erin.PostAsync($"api/classes/{ClassId}/exercises/{exercise}/submissions",
            new StringContent("{\"answer\":[\"" + new string('a', 20_000) + "\"]}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        using var unknownIds = await erin.PostAsJsonAsync($"api/classes/{ClassId}/exercises/{exercise}/submissions", new { answer = new[] { "x", "y", "z" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownIds.StatusCode);
        Assert.Contains("not in this exercise", await unknownIds.Content.ReadAsStringAsync());
        using var badJoin = await Anonymous.PostAsJsonAsync("api/classes/join", new { code = "NOPE", displayName = "Zed" });
        Assert.Equal(HttpStatusCode.NotFound, badJoin.StatusCode);
        using var noName = await Anonymous.PostAsJsonAsync("api/classes/join", new { code = fixture.Class.GetProperty("code").GetString(), displayName = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
    }

    private Task<JsonElement> SubmitAsync(HttpClient student, string exerciseId, List<string> answer) => SubmitToAsync(student, ClassId, exerciseId, answer);
}
