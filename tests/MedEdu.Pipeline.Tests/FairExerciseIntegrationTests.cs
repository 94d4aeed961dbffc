using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MedEdu.Compute.Exercises;
using MedEdu.Pipeline.Classes;
using MedEdu.Pipeline.Storage;
using MedEdu.Pipeline.Tests.Infrastructure;

namespace MedEdu.Pipeline.Tests;

/// <summary>
/// Classes on the bundled BBBP (0/1 labels, 76% positive) and ESOL (log S, 0.5 log units of error)
/// with every exercise kind at every level, on the real local host and Azurite: each kind either
/// fits and is fair (checked on the stored answer keys), or is refused with the reason.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class FairExerciseIntegrationTests(FairExerciseIntegrationTests.BothDatasets fixture) : IClassFixture<FairExerciseIntegrationTests.BothDatasets>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The shared host's BBBP and ESOL.</summary>
    public sealed class BothDatasets : IAsyncLifetime
    {
        public LocalHostProcess Host { get; private set; } = null!;

        public string Bbbp { get; private set; } = "";

        public string Esol { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Host = await SharedLocalHost.HostAsync();
            var bbbp = SharedLocalHost.BbbpAsync();
            Esol = await SharedLocalHost.EsolAsync();
            Bbbp = await bbbp;
        }

        public Task DisposeAsync() => Task.CompletedTask; // the host is shared
    }

    private readonly ClassRepository _classes = new(new TableProvider(new StorageAccount(Azurite.ConnectionString)));

    private async Task<(HttpStatusCode Status, JsonElement Body)> CreateAsync(string datasetId, object? exercises, int seed = 5)
    {
        using var r = await fixture.Host.Client.PostAsJsonAsync("api/classes", new { name = "Fairness", datasetId, seed, exercises, publish = true });
        return (r.StatusCode, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<List<(Exercise Exercise, AnswerKey Key)>> StoredAsync(JsonElement created) =>
        (await _classes.ExercisesAsync(created.GetProperty("classId").GetString()!))
            .OrderBy(e => e.Order)
            .Select(e => (JsonSerializer.Deserialize<Exercise>(e.ExerciseJson, Json)!, JsonSerializer.Deserialize<AnswerKey>(e.KeyJson, Json)!))
            .ToList();

    [Fact]
    public async Task BbbpGetsClassificationsAndMinorityScreensButNoRankings()
    {
        var status = await fixture.Host.Client.GetJsonAsync($"api/datasets/{fixture.Bbbp}");
        Assert.Equal("crosses the blood-brain barrier", status.GetProperty("property").GetProperty("positive").GetString());

        var refused = new Dictionary<ExerciseKind, string[]>
        {
            [ExerciseKind.PropertyRanking] = ["0/1 labels", "use Classify"],
            [ExerciseKind.MatchedPair] = ["compares measured values", "0/1 labels"],
            [ExerciseKind.ActivityCliff] = ["compares measured values", "0/1 labels"],
            [ExerciseKind.ScaffoldHop] = ["compares measured values", "0/1 labels"],
        };
        await ForEveryKindAndLevelAsync(fixture.Bbbp, refused, (kind, level, exercise, key) =>
        {
            switch (kind)
            {
                case ExerciseKind.Classify:
                    Assert.InRange(key.Truth.Count, 2, exercise.Candidates.Count - 2);
                    Assert.Equal("crosses the blood-brain barrier", exercise.Label);
                    Assert.All(exercise.Candidates, c => Assert.Equal(key.Truth.Contains(c.Id) ? 1 : 0, key.Facts[c.Id].Measured));
                    break;
                case ExerciseKind.VirtualScreen:
                    Assert.Contains("does not cross the blood-brain barrier", exercise.Prompt);
                    Assert.All(key.Truth, id => Assert.Equal(0, key.Facts[id].Measured));
                    Assert.InRange(key.BaseRate!.Value, 0.01, 0.5);
                    break;
                case ExerciseKind.SimilarityHunt:
                    AssertHuntMargin(key, level);
                    break;
            }
        });

        // With no exercise list, a BBBP class gets every kind that fits: no ranking.
        var (defaultCode, defaults) = await CreateAsync(fixture.Bbbp, null);
        Assert.Equal(HttpStatusCode.Created, defaultCode);
        var kinds = defaults.GetProperty("exercises").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Contains("Classify", kinds);
        Assert.DoesNotContain("PropertyRanking", kinds);
        Assert.DoesNotContain("MatchedPair", kinds);

        // The PAINS rule check: flagged compounds carry an alert, named in the key; a rule set elsewhere is refused.
        var (painsCode, pains) = await CreateAsync(fixture.Bbbp, new[] { new { kind = "RuleCheck", difficulty = 2, count = 1, rules = "pains" } });
        Assert.Equal(HttpStatusCode.Created, painsCode);
        var (painsExercise, painsKey) = (await StoredAsync(pains)).Single();
        Assert.Equal("pains", painsExercise.Rules);
        Assert.NotEmpty(painsKey.Truth);
        Assert.All(painsKey.Truth, id => Assert.StartsWith("PAINS ", painsKey.Facts[id].RuleBreak));
        var (badCode, bad) = await CreateAsync(fixture.Bbbp, new[] { new { kind = "Classify", difficulty = 1, count = 1, rules = "pains" } });
        Assert.Equal(HttpStatusCode.BadRequest, badCode);
        Assert.Contains("for RuleCheck exercises only", bad.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AStudentClassifiesBbbpCompoundsAndReadsTheFeedbackInTheLabelsWords()
    {
        var (code, created) = await CreateAsync(fixture.Bbbp, new[] { new { kind = "Classify", difficulty = 1, count = 1 } }, seed: 9);
        Assert.Equal(HttpStatusCode.Created, code);
        var (exercise, key) = (await StoredAsync(created)).Single();
        using var joined = await fixture.Host.Anonymous.PostAsJsonAsync("api/classes/join", new { code = created.GetProperty("code").GetString(), displayName = "Ada" });
        string token = JsonDocument.Parse(await joined.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        using var student = new HttpClient { BaseAddress = fixture.Host.Anonymous.BaseAddress };
        student.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        string classId = created.GetProperty("classId").GetString()!;

        // The student sees the label to give, never the labels themselves.
        string shown = await student.GetStringAsync($"api/classes/{classId}/exercises/e01");
        Assert.Contains("\"label\":\"crosses the blood-brain barrier\"", shown);
        Assert.DoesNotContain("measured", shown, StringComparison.OrdinalIgnoreCase);

        using var submitted = await student.PostAsJsonAsync($"api/classes/{classId}/exercises/e01/submissions", new { answer = key.Truth });
        var result = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(100, result.GetProperty("score").GetDouble());
        Assert.True(result.GetProperty("modelScore").ValueKind == JsonValueKind.Number);
        var explanations = result.GetProperty("feedback").GetProperty("explanations").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(exercise.Candidates.Count, explanations.Count);
        Assert.All(explanations, e => Assert.Matches(@"crosses the blood-brain barrier: (yes|no) \(measured\); model: \d+(\.\d)?% likely", e));
    }

    [Fact]
    public async Task EsolRankingsAreSpacedBeyondTheErrorAndItGetsNoClassification()
    {
        await ForEveryKindAndLevelAsync(fixture.Esol, ExerciseKind.Classify, ["use PropertyRanking"], (kind, level, exercise, key) =>
        {
            switch (kind)
            {
                case ExerciseKind.PropertyRanking:
                    Assert.Contains("experimental error (0.5 log(mol/L))", exercise.Prompt);
                    var values = key.Truth.Select(id => key.Facts[id].Measured!.Value).ToList();
                    for (int i = 1; i < values.Count; i++)
                    {
                        Assert.True(values[i - 1] - values[i] > 0.5, $"level {level}: neighbours {values[i - 1]} and {values[i]}");
                    }

                    break;
                case ExerciseKind.VirtualScreen:
                    Assert.NotNull(key.BaseRate);
                    Assert.Contains("top quarter of this library by aqueous solubility", exercise.Prompt);
                    break;
                case ExerciseKind.SimilarityHunt:
                    AssertHuntMargin(key, level);
                    break;
            }
        });
    }

    /// <summary>
    /// Creates a class of two exercises of every kind at every level on the dataset: the kind that
    /// does not fit is refused with 400 and the reason; every other one is created and its stored
    /// exercises and keys go to <paramref name="check"/>.
    /// </summary>
    private async Task ForEveryKindAndLevelAsync(string datasetId, ExerciseKind refused, string[] reason, Action<ExerciseKind, int, Exercise, AnswerKey> check) =>
        await ForEveryKindAndLevelAsync(datasetId, new Dictionary<ExerciseKind, string[]> { [refused] = reason }, check);

    private async Task ForEveryKindAndLevelAsync(string datasetId, IReadOnlyDictionary<ExerciseKind, string[]> refusedKinds, Action<ExerciseKind, int, Exercise, AnswerKey> check)
    {
        // Campaigns carry a library and opponents, not one answer key: FairExerciseIntegrationTests.Campaign.cs plays them.
        foreach (var kind in Enum.GetValues<ExerciseKind>().Where(k => k != ExerciseKind.Campaign))
        {
            for (int level = 1; level <= 3; level++)
            {
                var (code, body) = await CreateAsync(datasetId, new[] { new { kind = kind.ToString(), difficulty = level, count = 2 } });
                if (refusedKinds.TryGetValue(kind, out var reason))
                {
                    Assert.Equal(HttpStatusCode.BadRequest, code);
                    Assert.All(reason, r => Assert.Contains(r, body.GetProperty("detail").GetString()));
                    continue;
                }

                Assert.True(code == HttpStatusCode.Created, $"{kind} level {level}: {body}");
                foreach (var (exercise, key) in await StoredAsync(body))
                {
                    check(kind, level, exercise, key);
                }
            }
        }
    }

    private static void AssertHuntMargin(AnswerKey key, int level)
    {
        double third = key.Facts[key.Truth[2]].Similarity!.Value, fourth = key.Facts[key.Truth[3]].Similarity!.Value;
        Assert.True(third - fourth >= ExerciseGenerator.HuntMargins[level - 1] - 1e-4, $"level {level}: 3rd {third}, 4th {fourth}");
    }
}
