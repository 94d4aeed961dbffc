using System.Text.Json;
using MedEdu.Compute.Exercises;

namespace MedEdu.Compute.Tests.Exercises;

public sealed class ExerciseTests
{
    private static readonly Lazy<IReadOnlyList<ExerciseCompound>> Esol = new(() => ExercisePools.Esol);

    public static TheoryData<ExerciseKind, int> KindsAndLevels()
    {
        var data = new TheoryData<ExerciseKind, int>();
        // Campaigns are built by CampaignBuilder and checked in CampaignRefereeTests.
        foreach (var kind in Enum.GetValues<ExerciseKind>().Where(k => k is not ExerciseKind.Classify and not ExerciseKind.Campaign))
        {
            for (int level = 1; level <= 3; level++)
            {
                data.Add(kind, level);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndLevels))]
    public void ExercisesAreSeededAndNeverShowTheAnswer(ExerciseKind kind, int difficulty)
    {
        var (exercise, key) = ExerciseGenerator.Generate(kind, Esol.Value, seed: 11, difficulty, ExercisePools.Solubility);
        var (again, _) = ExerciseGenerator.Generate(kind, Esol.Value, seed: 11, difficulty, ExercisePools.Solubility);
        Assert.Equal(JsonSerializer.Serialize(exercise), JsonSerializer.Serialize(again));

        // What the student sees carries structures and lookup descriptors only: no measured value,
        // prediction, similarity or answer field anywhere in the document.
        string shown = JsonSerializer.Serialize(exercise);
        var allowed = new HashSet<string> { "Label", "Id", "Kind", "Difficulty", "Prompt", "Query", "Candidates", "Picks", "Name", "Smiles", "MolWt", "MolLogP", "Tpsa", "HDonors", "HAcceptors", "RotatableBonds", "Partner", "Rules", "Campaign",
            // The prompt's and label's catalog words: the same words and numbers the prompt shows.
            "PromptPhrase", "LabelPhrase", "Key", "Args", "Text", "Term", "Number", "Format", "Phrase" };
        var names = new List<string>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    names.Add(p.Name);
                    Walk(p.Value);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }

        Walk(JsonDocument.Parse(shown).RootElement);
        Assert.All(names, n => Assert.Contains(n, allowed));
        Assert.All(key.Truth, id => Assert.Contains(exercise.Candidates, c => c.Id == id));
        Assert.Equal(exercise.Prompt, exercise.PromptPhrase?.English);
    }

    [Fact]
    public void ASimilarityHuntsTruthIsTheTanimotoRanking()
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.SimilarityHunt, Esol.Value, 3, 2);
        var query = Esol.Value.Single(c => c.Id == exercise.Query!.Id);
        var expected = exercise.Candidates
            .Select(c => (c.Id, S: ExerciseGenerator.Tanimoto(query.Fingerprint, Esol.Value.Single(e => e.Id == c.Id).Fingerprint)))
            .OrderByDescending(x => x.S).ThenBy(x => x.Id, StringComparer.Ordinal).Select(x => x.Id);
        Assert.Equal(expected, key.Truth);
        var perfect = ExerciseScorer.Score(exercise, key, key.Truth.Take(3).ToList());
        Assert.Equal(100, perfect.Score);
        var twoOfThree = ExerciseScorer.Score(exercise, key, [key.Truth[0], key.Truth[1], key.Truth[^1]]);
        Assert.Equal(66.7, twoOfThree.Score);
    }

    [Fact]
    public void RankingScoresAreSpearmanTimes100()
    {
        var candidates = new[] { "a", "b", "c", "d" }.Select(id => new CandidateView(id, id, "C", 0, 0, 0, 0, 0, 0)).ToList();
        var exercise = new Exercise("x", ExerciseKind.PropertyRanking, 1, "order", null, candidates, 0);
        var measured = new Dictionary<string, double> { ["a"] = 4, ["b"] = 3, ["c"] = 2, ["d"] = 1 };
        var facts = candidates.ToDictionary(c => c.Id, c => new CandidateFacts(null, measured[c.Id], measured[c.Id], true, null));
        var key = new AnswerKey(["a", "b", "c", "d"], ["b", "a", "c", "d"], facts);
        // One swap of neighbours: rho = 1 - 6·2 / (4·15) = 0.8.
        var feedback = ExerciseScorer.Score(exercise, key, ["a", "b", "d", "c"]);
        Assert.Equal(80, feedback.Score);
        Assert.Equal(80, feedback.ModelScore);
        Assert.Equal(0, ExerciseScorer.Score(exercise, key, ["d", "c", "b", "a"]).Score);
    }

    [Fact]
    public void AVirtualScreenIsScoredByEnrichmentOverRandomBesideTheModel()
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.VirtualScreen, Esol.Value, 5, 1, ExercisePools.Solubility);
        var actives = key.Truth.ToHashSet();
        var inactive = exercise.Candidates.Select(c => c.Id).Where(id => !actives.Contains(id)).ToList();
        var answer = key.Truth.Take(6).Concat(inactive.Take(4)).ToList();
        var feedback = ExerciseScorer.Score(exercise, key, answer);

        // 6 hits of 10 against the base rate b: (0.6 - b) / (best precision - b).
        double b = key.BaseRate!.Value;
        double best = Math.Min(actives.Count, 10) / 10.0;
        Assert.Equal(Math.Round(100 * (0.6 - b) / (best - b), 1), feedback.Score);
        Assert.Contains("enrichment over random picks", feedback.Measure);
        Assert.NotNull(feedback.ModelScore);
        Assert.Equal(10, feedback.ModelAnswer.Count);
        Assert.Contains(feedback.Explanations, e => e.Contains("model", StringComparison.Ordinal));
    }

    [Fact]
    public void RuleChecksExplainTheBrokenRule()
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.RuleCheck, Esol.Value, 9, 2);
        Assert.NotEmpty(key.Truth);
        var feedback = ExerciseScorer.Score(exercise, key, key.Truth.ToList());
        Assert.Equal(100, feedback.Score);
        Assert.Contains(feedback.Explanations, e => e.Contains('>'));
        var none = ExerciseScorer.Score(exercise, key, []);
        Assert.Equal(Math.Round(100.0 * (exercise.Candidates.Count - key.Truth.Count) / exercise.Candidates.Count, 1), none.Score);
    }

    [Fact]
    public void AnswersWithUnknownOrRepeatedCompoundsAreRefused()
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.SimilarityHunt, Esol.Value, 1, 1);
        Assert.Contains("not in this exercise", Assert.Throws<AnswerException>(() => ExerciseScorer.Score(exercise, key, ["nope", "x", "y"])).Message);
        var id = exercise.Candidates[0].Id;
        Assert.Contains("twice", Assert.Throws<AnswerException>(() => ExerciseScorer.Score(exercise, key, [id, id, exercise.Candidates[1].Id])).Message);
        Assert.Contains("must name 3", Assert.Throws<AnswerException>(() => ExerciseScorer.Score(exercise, key, [id])).Message);
    }

    private static readonly ExerciseKind[] Offered = [ExerciseKind.SimilarityHunt, ExerciseKind.PropertyRanking, ExerciseKind.VirtualScreen, ExerciseKind.RuleCheck];

    [Fact]
    public void ThePlannerPractisesTheWeakestKindAndAdjustsTheLevel()
    {
        Assert.Equal(ExerciseKind.SimilarityHunt, PracticePlanner.Next([], Offered).Kind);
        var all = Offered.Select(k => new Attempt(k, 1, 70)).ToList();
        var up = PracticePlanner.Next([.. all, new Attempt(ExerciseKind.RuleCheck, 1, 85), new Attempt(ExerciseKind.RuleCheck, 1, 90),
            new Attempt(ExerciseKind.SimilarityHunt, 1, 60), new Attempt(ExerciseKind.PropertyRanking, 1, 90), new Attempt(ExerciseKind.VirtualScreen, 1, 90)], Offered);
        Assert.Equal(ExerciseKind.SimilarityHunt, up.Kind);
        Assert.Contains("weakest", up.Reason);
        var down = PracticePlanner.Next([.. all, new Attempt(ExerciseKind.VirtualScreen, 2, 20)], Offered);
        Assert.Equal((ExerciseKind.VirtualScreen, 1), (down.Kind, down.Difficulty));
        var harder = PracticePlanner.Next([new Attempt(ExerciseKind.SimilarityHunt, 1, 95), new Attempt(ExerciseKind.PropertyRanking, 1, 95),
            new Attempt(ExerciseKind.VirtualScreen, 1, 95), new Attempt(ExerciseKind.RuleCheck, 2, 85), new Attempt(ExerciseKind.RuleCheck, 2, 80)], Offered);
        Assert.Equal((ExerciseKind.RuleCheck, 3), (harder.Kind, harder.Difficulty));

        // Only kinds the class offers are suggested: a class without classifications never gets one.
        Assert.Equal(ExerciseKind.Classify, PracticePlanner.Next([new Attempt(ExerciseKind.SimilarityHunt, 1, 95)], [ExerciseKind.SimilarityHunt, ExerciseKind.Classify]).Kind);
        Assert.DoesNotContain(PracticePlanner.Next(all, Offered).Kind, new[] { ExerciseKind.Classify });
    }

    [Theory]
    [InlineData(ExerciseKind.PropertyRanking, 1)]
    [InlineData(ExerciseKind.PropertyRanking, 3)]
    [InlineData(ExerciseKind.VirtualScreen, 1)]
    [InlineData(ExerciseKind.VirtualScreen, 3)]
    public void ExercisesBesideTheModelUseCompoundsItWasNotTrainedOn(ExerciseKind kind, int level)
    {
        // A third of ESOL held out of "training": every candidate shown beside the model must be one of them.
        var pool = Esol.Value.Select((c, i) => c with { HeldOut = i % 3 == 0 }).ToList();
        var heldOut = pool.Where(c => c.HeldOut).Select(c => c.Id).ToHashSet();
        for (int seed = 1; seed <= 5; seed++)
        {
            var (exercise, key) = ExerciseGenerator.Generate(kind, pool, seed, level);
            Assert.All(exercise.Candidates, c => Assert.Contains(c.Id, heldOut));
            Assert.NotEmpty(key.ModelOrder);
        }

        // With too few held out for variety, the whole pool serves rather than no exercise.
        var scarce = Esol.Value.Select((c, i) => c with { HeldOut = i < 5 }).ToList();
        var (fallback, _) = ExerciseGenerator.Generate(kind, scarce, 1, level);
        Assert.Contains(fallback.Candidates, c => !scarce.Single(p => p.Id == c.Id).HeldOut);
    }
}
