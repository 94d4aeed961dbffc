using MedEdu.Compute.Exercises;

namespace MedEdu.Compute.Tests.Exercises;

/// <summary>An instructor's swap of one compound: the key is built again and the fairness rule checked again (real ESOL and BBBP pools).</summary>
public sealed class ExerciseEditorTests
{
    private static readonly IReadOnlyList<ExerciseCompound> Esol = ExercisePools.Esol;

    [Fact]
    public void A_ranking_swap_that_keeps_the_gaps_rebuilds_the_truth_from_the_measured_values()
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.PropertyRanking, Esol, seed: 4, difficulty: 1, ExercisePools.Solubility);
        double gap = ExercisePools.Solubility.ExperimentalError * ExerciseGenerator.RankingGaps[0];
        var shown = exercise.Candidates.Select(c => Esol.Single(p => p.Id == c.Id)).ToList();
        var old = shown[2];
        var others = shown.Where(c => c != old).ToList();
        // A compound whose value is more than the gap from every other candidate's, and one within it.
        var fits = Esol.First(c => c.Measured is not null && shown.All(s => s.Id != c.Id) && others.All(o => Math.Abs(o.Measured!.Value - c.Measured!.Value) > gap));
        var tooClose = Esol.First(c => c.Measured is not null && shown.All(s => s.Id != c.Id) && Math.Abs(others[0].Measured!.Value - c.Measured!.Value) < 0.1);

        var (edited, newKey) = ExerciseEditor.Replace(exercise, key, old.Id, fits, Esol, ExercisePools.Solubility);

        Assert.Equal(fits.Id, edited.Candidates[2].Id);
        Assert.Equal(exercise.Candidates.Count, edited.Candidates.Count);
        var expected = others.Append(fits).OrderByDescending(c => c.Measured).Select(c => c.Id).ToList();
        Assert.Equal(expected, newKey.Truth);
        Assert.Equal(fits.Measured, newKey.Facts[fits.Id].Measured);
        Assert.DoesNotContain(old.Id, newKey.Facts.Keys);
        Assert.Equal(exercise.Candidates.Count, newKey.ModelOrder.Count);
        Assert.Contains(fits.Id, newKey.Evidence!.Keys);

        var refused = Assert.Throws<ExerciseRuleException>(() => ExerciseEditor.Replace(exercise, key, old.Id, tooClose, Esol, ExercisePools.Solubility));
        Assert.Equal("experimental error", refused.Rule);
        Assert.Contains(others[0].Name, refused.Message);
    }

    [Fact]
    public void A_hunt_swap_must_keep_the_true_picks_a_margin_above_the_rest()
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.SimilarityHunt, Esol, seed: 2, difficulty: 1);
        var query = Esol.Single(c => c.Id == exercise.Query!.Id);
        string decoy = key.Truth[^1];
        double third = key.Facts[key.Truth[2]].Similarity!.Value;
        // The query's own nearest neighbour outside the exercise sits above the 3rd pick: it would be a 4th true pick.
        var inExercise = exercise.Candidates.Select(c => c.Id).Append(query.Id).ToHashSet();
        var near = Esol.Where(c => !inExercise.Contains(c.Id)).MaxBy(c => ExerciseGenerator.Tanimoto(query.Fingerprint, c.Fingerprint))!;
        var far = Esol.Where(c => !inExercise.Contains(c.Id)).MinBy(c => ExerciseGenerator.Tanimoto(query.Fingerprint, c.Fingerprint))!;

        var refused = Assert.Throws<ExerciseRuleException>(() => ExerciseEditor.Replace(exercise, key, decoy, near, Esol));
        Assert.Equal("similarity margin", refused.Rule);
        Assert.True(ExerciseGenerator.Tanimoto(query.Fingerprint, near.Fingerprint) > third - ExerciseGenerator.HuntMargins[0]);

        var (edited, newKey) = ExerciseEditor.Replace(exercise, key, decoy, far, Esol);
        Assert.Equal(key.Truth.Take(3), newKey.Truth.Take(3));
        Assert.Equal(far.Id, newKey.Truth[^1]);
        Assert.Equal(Math.Round(ExerciseGenerator.Tanimoto(query.Fingerprint, far.Fingerprint), 4), newKey.Facts[far.Id].Similarity);
        Assert.Contains(edited.Candidates, c => c.Id == far.Id);
    }

    [Fact]
    public void A_classification_keeps_between_30_and_70_percent_positives()
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.Classify, ExercisePools.Bbbp, seed: 5, difficulty: 1, ExercisePools.Bbb);
        var shown = exercise.Candidates.Select(c => ExercisePools.Bbbp.Single(p => p.Id == c.Id)).ToList();
        int n = shown.Count, ones = shown.Count(c => c.Measured == 1);
        var ids = shown.Select(c => c.Id).ToHashSet();
        var positive = ExercisePools.Bbbp.First(c => c.Measured == 1 && !ids.Contains(c.Id));
        // Swapping a negative for a positive adds one positive; the rule allows ceil(0.3n)..floor(0.7n).
        var zero = shown.First(c => c.Measured == 0);
        if (ones + 1 <= (int)Math.Floor(0.7 * n))
        {
            var (_, newKey) = ExerciseEditor.Replace(exercise, key, zero.Id, positive, ExercisePools.Bbbp, ExercisePools.Bbb);
            Assert.Equal(ones + 1, newKey.Truth.Count);
            Assert.Contains(positive.Id, newKey.Truth);
        }

        // Swapping every positive but the allowed least for negatives ends below the least: refused.
        var (e, k) = (exercise, key);
        var refused = Assert.Throws<ExerciseRuleException>(() =>
        {
            var pool = ExercisePools.Bbbp.Where(c => c.Measured == 0 && !ids.Contains(c.Id)).ToList();
            int next = 0;
            foreach (var one in shown.Where(c => c.Measured == 1))
            {
                (e, k) = ExerciseEditor.Replace(e, k, one.Id, pool[next++], ExercisePools.Bbbp, ExercisePools.Bbb);
            }
        });
        Assert.Equal("label balance", refused.Rule);
        Assert.Contains("crosses the blood-brain barrier", refused.Message);
    }

    [Fact]
    public void A_rule_check_needs_a_breaker_and_kinds_chosen_together_are_refused()
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.RuleCheck, Esol, seed: 3, difficulty: 1);
        var ids = exercise.Candidates.Select(c => c.Id).ToHashSet();
        var passer = Esol.First(c => c.RuleBreak() is null && !ids.Contains(c.Id));
        var breakers = key.Truth.ToList();
        var (e, k) = (exercise, key);
        for (int i = 0; i < breakers.Count - 1; i++)
        {
            (e, k) = ExerciseEditor.Replace(e, k, breakers[i], Esol.Where(c => c.RuleBreak() is null && !ids.Contains(c.Id)).ElementAt(i + 1), Esol);
        }

        Assert.Equal([breakers[^1]], k.Truth);
        var refused = Assert.Throws<ExerciseRuleException>(() => ExerciseEditor.Replace(e, k, breakers[^1], passer, Esol));
        Assert.Equal("flagged share", refused.Rule);

        var (pair, pairKey) = ExerciseGenerator.Generate(ExerciseKind.MatchedPair, Esol, seed: 1, difficulty: 1, ExercisePools.Solubility);
        var notAlone = Assert.Throws<ExerciseRuleException>(() => ExerciseEditor.Replace(pair, pairKey, pair.Candidates[0].Id, passer, Esol));
        Assert.Contains("regenerate", notAlone.Message);
        Assert.Throws<ExerciseRuleException>(() => ExerciseEditor.Replace(exercise, key, "not-a-candidate", passer, Esol));
        Assert.Throws<ExerciseRuleException>(() => ExerciseEditor.Replace(exercise, key, exercise.Candidates[0].Id, Esol.Single(c => c.Id == exercise.Candidates[1].Id), Esol));
    }

    [Fact]
    public void A_prompt_is_the_instructors_words_within_bounds()
    {
        var (exercise, _) = ExerciseGenerator.Generate(ExerciseKind.RuleCheck, Esol, seed: 3, difficulty: 1);
        Assert.Equal("Flag the compounds unlikely to be oral drugs.", ExerciseEditor.WithPrompt(exercise, "  Flag the compounds unlikely to be oral drugs. ").Prompt);
        Assert.Equal("prompt", Assert.Throws<ExerciseRuleException>(() => ExerciseEditor.WithPrompt(exercise, "  ")).Rule);
        Assert.Throws<ExerciseRuleException>(() => ExerciseEditor.WithPrompt(exercise, new string('x', ExerciseEditor.MaxPrompt + 1)));
    }
}
