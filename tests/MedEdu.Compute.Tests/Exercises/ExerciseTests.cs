using System.Globalization;
using System.Text.Json;
using MedEdu.Compute.Chemistry.Descriptors;
using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Exercises;

namespace MedEdu.Compute.Tests.Exercises;

public sealed class ExerciseTests
{
    private static readonly Lazy<List<ExerciseCompound>> Esol = new(() =>
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestData.DatasetsFolder, "esol-delaney.csv"));
        var rows = Compute.Data.CsvRecordSplitter.Split(bytes).Skip(1)
            .Select(r => Compute.Data.CsvFieldParser.TryParse(bytes.AsSpan(r.Offset, r.Length), out var fields, out _) ? fields : throw new InvalidDataException())
            .ToList();
        return rows.Select((f, i) =>
        {
            var m = SmilesParser.Parse(f[^1].Trim());
            var d = DescriptorSet.Compute(m);
            double measured = double.Parse(f[^2], CultureInfo.InvariantCulture);
            double esolModel = double.Parse(f[1], CultureInfo.InvariantCulture); // the ESOL equation's published prediction
            return new ExerciseCompound($"esol-{i + 1:D6}", f[0], f[^1].Trim(), MorganFingerprint.BitVector(m), d.MolWt, d.MolLogP, d.TPSA,
                d.NumHDonors, d.NumHAcceptors, d.NumRotatableBonds, measured, esolModel, i % 10 != 0);
        }).ToList();
    });

    public static TheoryData<ExerciseKind, int> KindsAndLevels()
    {
        var data = new TheoryData<ExerciseKind, int>();
        foreach (var kind in Enum.GetValues<ExerciseKind>())
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
        var (exercise, key) = ExerciseGenerator.Generate(kind, Esol.Value, seed: 11, difficulty, "aqueous solubility");
        var (again, _) = ExerciseGenerator.Generate(kind, Esol.Value, seed: 11, difficulty, "aqueous solubility");
        Assert.Equal(JsonSerializer.Serialize(exercise), JsonSerializer.Serialize(again));

        // What the student sees carries structures and lookup descriptors only: no measured value,
        // prediction, similarity or answer field anywhere in the document.
        string shown = JsonSerializer.Serialize(exercise);
        var allowed = new HashSet<string> { "Id", "Kind", "Difficulty", "Prompt", "Query", "Candidates", "Picks", "Name", "Smiles", "MolWt", "MolLogP", "Tpsa", "HDonors", "HAcceptors", "RotatableBonds" };
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
        var facts = candidates.ToDictionary(c => c.Id, _ => new CandidateFacts(null, 1, 1, true, null));
        var key = new AnswerKey(["a", "b", "c", "d"], ["b", "a", "c", "d"], facts);
        // One swap of neighbours: rho = 1 - 6·2 / (4·15) = 0.8.
        var feedback = ExerciseScorer.Score(exercise, key, ["a", "b", "d", "c"]);
        Assert.Equal(80, feedback.Score);
        Assert.Equal(80, feedback.ModelScore);
        Assert.Equal(0, ExerciseScorer.Score(exercise, key, ["d", "c", "b", "a"]).Score);
    }

    [Fact]
    public void AVirtualScreenIsScoredByPrecisionAt10BesideTheModel()
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.VirtualScreen, Esol.Value, 5, 1, "aqueous solubility");
        var actives = key.Truth.ToHashSet();
        var inactive = exercise.Candidates.Select(c => c.Id).Where(id => !actives.Contains(id)).ToList();
        var answer = key.Truth.Take(6).Concat(inactive.Take(4)).ToList();
        var feedback = ExerciseScorer.Score(exercise, key, answer);
        Assert.Equal(60, feedback.Score);
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
        Assert.Contains("not in this exercise", Assert.Throws<ArgumentException>(() => ExerciseScorer.Score(exercise, key, ["nope", "x", "y"])).Message);
        var id = exercise.Candidates[0].Id;
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => ExerciseScorer.Score(exercise, key, [id, id, exercise.Candidates[1].Id])).Message);
        Assert.Contains("must name 3", Assert.Throws<ArgumentException>(() => ExerciseScorer.Score(exercise, key, [id])).Message);
    }

    [Fact]
    public void ThePlannerPractisesTheWeakestKindAndAdjustsTheLevel()
    {
        Assert.Equal(ExerciseKind.SimilarityHunt, PracticePlanner.Next([]).Kind);
        var all = Enum.GetValues<ExerciseKind>().Select(k => new Attempt(k, 1, 70)).ToList();
        var up = PracticePlanner.Next([.. all, new Attempt(ExerciseKind.RuleCheck, 1, 85), new Attempt(ExerciseKind.RuleCheck, 1, 90),
            new Attempt(ExerciseKind.SimilarityHunt, 1, 60), new Attempt(ExerciseKind.PropertyRanking, 1, 90), new Attempt(ExerciseKind.VirtualScreen, 1, 90)]);
        Assert.Equal(ExerciseKind.SimilarityHunt, up.Kind);
        Assert.Contains("weakest", up.Reason);
        var down = PracticePlanner.Next([.. all, new Attempt(ExerciseKind.VirtualScreen, 2, 20)]);
        Assert.Equal((ExerciseKind.VirtualScreen, 1), (down.Kind, down.Difficulty));
        var harder = PracticePlanner.Next([new Attempt(ExerciseKind.SimilarityHunt, 1, 95), new Attempt(ExerciseKind.PropertyRanking, 1, 95),
            new Attempt(ExerciseKind.VirtualScreen, 1, 95), new Attempt(ExerciseKind.RuleCheck, 2, 85), new Attempt(ExerciseKind.RuleCheck, 2, 80)]);
        Assert.Equal((ExerciseKind.RuleCheck, 3), (harder.Kind, harder.Difficulty));
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
