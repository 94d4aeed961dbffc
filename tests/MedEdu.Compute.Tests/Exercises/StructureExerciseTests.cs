using MedEdu.Compute.Chemistry.Scaffolds;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Exercises;

namespace MedEdu.Compute.Tests.Exercises;

/// <summary>Matched pairs, activity cliffs and scaffold hops on real ESOL compounds: fair, seeded, scored as the answer key says.</summary>
public sealed class StructureExerciseTests
{
    private static readonly IReadOnlyList<ExerciseCompound> Esol = ExercisePools.Esol;
    private static readonly PropertyProfile Solubility = ExercisePools.Solubility;

    private static ExerciseCompound Compound(string id) => Esol.Single(c => c.Id == id);

    private static string Scaffold(string id) => MurckoScaffold.SmilesOf(SmilesParser.Parse(Compound(id).Smiles));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_matched_pair_is_one_small_change_and_its_direction_is_measured(int level)
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.MatchedPair, Esol, seed: 5, level, Solubility);
        Assert.Equal(3 + level, exercise.Candidates.Count);
        double gap = Solubility.ExperimentalError * ExerciseGenerator.RankingGaps[level - 1];
        foreach (var analogue in exercise.Candidates)
        {
            var partner = Assert.IsType<CandidateView>(analogue.Partner);
            var (a, b) = (Compound(partner.Id), Compound(analogue.Id));
            Assert.Equal(Scaffold(a.Id), Scaffold(b.Id));
            Assert.True(ExerciseGenerator.Tanimoto(a.Fingerprint, b.Fingerprint) >= ExerciseGenerator.PairSimilarity[level - 1]);
            Assert.True(Math.Abs(a.Measured!.Value - b.Measured!.Value) > gap, "every pair differs by more than the level's gap");
            Assert.Equal(b.Measured > a.Measured, key.Truth.Contains(b.Id));
        }

        // The whole truth scores 100, its opposite 0; the analogues appear once each.
        Assert.Equal(100, ExerciseScorer.Score(exercise, key, key.Truth).Score);
        var opposite = exercise.Candidates.Select(c => c.Id).Where(id => !key.Truth.Contains(id)).ToList();
        var wrong = ExerciseScorer.Score(exercise, key, opposite);
        Assert.True(wrong.Score <= 50);
        Assert.Contains(wrong.Explanations, e => e.Contains(" → ") && e.EndsWith('✗'));
        Assert.Equal(exercise.Candidates.Count, exercise.Candidates.Select(c => c.Id).Concat(exercise.Candidates.Select(c => c.Partner!.Id)).Distinct().Count() / 2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void The_activity_cliff_is_the_similar_pair_with_the_largest_gap_by_a_clear_margin(int level)
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.ActivityCliff, Esol, seed: 3, level, Solubility);
        Assert.Equal(2, exercise.Picks);
        double similar = ExerciseGenerator.PairSimilarity[level - 1];
        double margin = Solubility.ExperimentalError * ExerciseGenerator.RankingGaps[level - 1];
        var shown = exercise.Candidates.Select(c => Compound(c.Id)).ToList();
        var pairs = shown.SelectMany((a, i) => shown.Skip(i + 1).Select(b => (a, b)))
            .Where(p => ExerciseGenerator.Tanimoto(p.a.Fingerprint, p.b.Fingerprint) >= similar)
            .Select(p => (Ids: new HashSet<string> { p.a.Id, p.b.Id }, Gap: Math.Abs(p.a.Measured!.Value - p.b.Measured!.Value)))
            .OrderByDescending(p => p.Gap).ToList();
        Assert.True(pairs.Count >= 2, "more than one similar pair, so the cliff has to be found");
        Assert.True(pairs[0].Ids.SetEquals(key.Truth.Take(2)));
        Assert.True(pairs[0].Gap - pairs[1].Gap > margin);

        Assert.Equal(100, ExerciseScorer.Score(exercise, key, key.Truth.Take(2).ToList()).Score);
        var half = ExerciseScorer.Score(exercise, key, [key.Truth[0], key.Truth[2]]);
        Assert.Equal(50, half.Score);
        Assert.StartsWith("The cliff: ", half.Explanations[0]);
        Assert.StartsWith("Your pair: ", half.Explanations[1]);
        Assert.Throws<AnswerException>(() => ExerciseScorer.Score(exercise, key, [key.Truth[0]]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_best_scaffold_hop_has_another_scaffold_and_the_closest_value(int level)
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.ScaffoldHop, Esol, seed: 9, level, Solubility);
        var query = Compound(exercise.Query!.Id);
        string queryScaffold = Scaffold(query.Id);
        double margin = Solubility.ExperimentalError * ExerciseGenerator.RankingGaps[level - 1];
        var hops = exercise.Candidates.Where(c => Scaffold(c.Id) != queryScaffold)
            .Select(c => (c.Id, Distance: Math.Abs(Compound(c.Id).Measured!.Value - query.Measured!.Value))).OrderBy(x => x.Distance).ToList();
        Assert.Equal(hops[0].Id, key.Truth[0]);
        Assert.True(hops[1].Distance - hops[0].Distance > margin, "the best hop stands clear of the next");
        Assert.Contains(Solubility.ValueText(query.Measured!.Value), exercise.Prompt);
        if (level >= 2)
        {
            Assert.Contains(exercise.Candidates, c => Scaffold(c.Id) == queryScaffold); // the trap: same scaffold
            string trap = exercise.Candidates.First(c => Scaffold(c.Id) == queryScaffold).Id;
            Assert.Equal(0, ExerciseScorer.Score(exercise, key, [trap]).Score);
        }

        Assert.Equal(100, ExerciseScorer.Score(exercise, key, [key.Truth[0]]).Score);
        Assert.Equal(0, ExerciseScorer.Score(exercise, key, [hops[^1].Id]).Score);
    }

    [Theory]
    [InlineData(ExerciseKind.MatchedPair)]
    [InlineData(ExerciseKind.ActivityCliff)]
    [InlineData(ExerciseKind.ScaffoldHop)]
    public void The_same_seed_gives_the_same_exercise_and_labels_are_refused(ExerciseKind kind)
    {
        var first = ExerciseGenerator.Generate(kind, Esol, seed: 21, 2, Solubility);
        var again = ExerciseGenerator.Generate(kind, Esol, seed: 21, 2, Solubility);
        Assert.Equal(first.Exercise.Candidates.Select(c => c.Id), again.Exercise.Candidates.Select(c => c.Id));
        Assert.Equal(first.Key.Truth, again.Key.Truth);
        var error = Assert.Throws<ArgumentException>(() => ExerciseGenerator.Generate(kind, ExercisePools.Bbbp, 1, 1, ExercisePools.Bbb));
        Assert.Contains("0/1 labels", error.Message);
    }
}
