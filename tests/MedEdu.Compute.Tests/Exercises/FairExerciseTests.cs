using MedEdu.Compute.Exercises;

namespace MedEdu.Compute.Tests.Exercises;

/// <summary>Exercises never score a difference no one can see or measure (hand-computed values, real ESOL and BBBP pools).</summary>
public sealed class FairExerciseTests
{
    private static (Exercise, AnswerKey) HandMadeRanking(Dictionary<string, double> measured, double error)
    {
        var candidates = measured.Keys.Select(id => new CandidateView(id, id, "C", 0, 0, 0, 0, 0, 0)).ToList();
        var exercise = new Exercise("x", ExerciseKind.PropertyRanking, 1, "order", null, candidates, 0);
        var facts = measured.ToDictionary(x => x.Key, x => new CandidateFacts(null, x.Value, null, true, null));
        var truth = measured.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).Select(x => x.Key).ToList();
        return (exercise, new AnswerKey(truth, [], facts, ExercisePools.Solubility with { ExperimentalError = error }));
    }

    [Fact]
    public void TiedMeasuredValuesNeverChangeARankingScore()
    {
        // a=4, b=c=3 (a tie), d=1: the tie's order is free, and both perfect orders score 100.
        var (exercise, key) = HandMadeRanking(new() { ["a"] = 4, ["b"] = 3, ["c"] = 3, ["d"] = 1 }, error: 0);
        Assert.Equal(100, ExerciseScorer.Score(exercise, key, ["a", "b", "c", "d"]).Score);
        Assert.Equal(100, ExerciseScorer.Score(exercise, key, ["a", "c", "b", "d"]).Score);

        // b before a: positions (a1, b0, c2, d3) against tied ranks (1, 2.5, 2.5, 4): r = 3/sqrt(22.5);
        // the best order's r = 4.5/sqrt(22.5); the score is their ratio, 2/3.
        Assert.Equal(66.7, ExerciseScorer.Score(exercise, key, ["b", "a", "c", "d"]).Score);
        Assert.Equal(66.7, ExerciseScorer.Score(exercise, key, ["c", "a", "b", "d"]).Score);
    }

    [Fact]
    public void ValuesWithinTheExperimentalErrorCountAsTied()
    {
        // b and c differ by 0.3 < 0.5: either order is right; a and b differ by 1.0: their order counts.
        var (exercise, key) = HandMadeRanking(new() { ["a"] = -1.0, ["b"] = -2.0, ["c"] = -2.3, ["d"] = -4.0 }, error: 0.5);
        Assert.Equal(100, ExerciseScorer.Score(exercise, key, ["a", "c", "b", "d"]).Score);
        Assert.True(ExerciseScorer.Score(exercise, key, ["b", "a", "c", "d"]).Score < 100);
        Assert.Contains("experimental error (0.5 log(mol/L))", ExerciseScorer.Score(exercise, key, ["a", "b", "c", "d"]).Measure);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AGeneratedRankingNeverHasNeighboursCloserThanTheError(int level)
    {
        for (int seed = 1; seed <= 25; seed++)
        {
            var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.PropertyRanking, ExercisePools.Esol, seed, level, ExercisePools.Solubility);
            var values = key.Truth.Select(id => key.Facts[id].Measured!.Value).ToList();
            double gap = 0.5 * ExerciseGenerator.RankingGaps[level - 1];
            for (int i = 1; i < values.Count; i++)
            {
                Assert.True(values[i - 1] - values[i] > gap, $"seed {seed}: neighbours {values[i - 1]} and {values[i]} are within {gap}");
            }

            Assert.Contains("experimental error (0.5 log(mol/L))", exercise.Prompt);
        }
    }

    [Fact]
    public void ARankingRefusesAPoolWhoseValuesCannotBeToldApart()
    {
        var crowded = ExercisePools.Esol.Take(40).Select((c, i) => c with { Measured = -2 + (i * 0.01) }).ToList();
        var e = Assert.Throws<ArgumentException>(() => ExerciseGenerator.Generate(ExerciseKind.PropertyRanking, crowded, 1, 1, ExercisePools.Solubility));
        Assert.Contains("experimental error", e.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ASimilarityHuntsTruePicksStandAVisibleMarginAboveTheDecoys(int level)
    {
        double margin = ExerciseGenerator.HuntMargins[level - 1];
        for (int seed = 1; seed <= 15; seed++)
        {
            var (_, key) = ExerciseGenerator.Generate(ExerciseKind.SimilarityHunt, ExercisePools.Esol, seed, level);
            double third = key.Facts[key.Truth[2]].Similarity!.Value;
            double fourth = key.Facts[key.Truth[3]].Similarity!.Value;
            Assert.True(third - fourth >= margin - 1e-4, $"seed {seed}: 3rd {third} vs 4th {fourth}, margin {margin}");
        }
    }

    [Fact]
    public void BinaryLabelsAreClassifiedNotRanked()
    {
        var ranking = Assert.Throws<ArgumentException>(() => ExerciseGenerator.Generate(ExerciseKind.PropertyRanking, ExercisePools.Bbbp, 1, 1, ExercisePools.Bbb));
        Assert.Contains("use Classify", ranking.Message);
        var classify = Assert.Throws<ArgumentException>(() => ExerciseGenerator.Generate(ExerciseKind.Classify, ExercisePools.Esol, 1, 1, ExercisePools.Solubility));
        Assert.Contains("use PropertyRanking", classify.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AClassificationMixesBothLabelsAndAPerfectSeparationScores100(int level)
    {
        for (int seed = 1; seed <= 10; seed++)
        {
            var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.Classify, ExercisePools.Bbbp, seed, level, ExercisePools.Bbb);
            int n = exercise.Candidates.Count, positives = key.Truth.Count;
            Assert.Equal(6 + (2 * level), n);
            Assert.InRange(positives, 2, n - 2);
            Assert.Equal("crosses the blood-brain barrier", exercise.Label);
            Assert.All(key.Truth, id => Assert.Equal(1, key.Facts[id].Measured));
            Assert.Equal(100, ExerciseScorer.Score(exercise, key, key.Truth).Score);

            // Saying yes to everything, or no to everything, is worth what guessing is: 50.
            Assert.Equal(50, ExerciseScorer.Score(exercise, key, exercise.Candidates.Select(c => c.Id).ToList()).Score);
            Assert.Equal(50, ExerciseScorer.Score(exercise, key, []).Score);
        }
    }

    [Fact]
    public void AClassificationIsScoredByBalancedAccuracyBesideTheModelInTheLabelsWords()
    {
        // 2 of 3 positives found and 1 of 3 negatives wrongly said yes: (2/3 + 2/3) / 2 = 66.7.
        var ids = new[] { "p1", "p2", "p3", "n1", "n2", "n3" };
        var candidates = ids.Select(id => new CandidateView(id, id.ToUpperInvariant(), "C", 0, 0, 0, 0, 0, 0)).ToList();
        var exercise = new Exercise("x", ExerciseKind.Classify, 1, "label", null, candidates, 0, ExercisePools.Bbb.PositiveLabel);
        double[] probabilities = [0.997, 0.8, 0.3, 0.1, 0.6, 0.009];
        var facts = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => new CandidateFacts(null, x.id[0] == 'p' ? 1 : 0, probabilities[x.i], true, null));
        var key = new AnswerKey(["p1", "p2", "p3"], ["p1", "p2", "n2"], facts, ExercisePools.Bbb);
        var feedback = ExerciseScorer.Score(exercise, key, ["p1", "p2", "n1"]);
        Assert.Equal(66.7, feedback.Score);
        Assert.Equal(66.7, feedback.ModelScore); // the model says yes to p1, p2 and n2 at its 50% threshold
        Assert.Contains("P1: crosses the blood-brain barrier: yes (measured); model: 99.7% likely; you said yes ✓", feedback.Explanations);
        Assert.Contains("N3: crosses the blood-brain barrier: no (measured); model: 0.9% likely; you said no ✓", feedback.Explanations);
        Assert.Contains("balanced accuracy", feedback.Measure);
    }

    [Fact]
    public void EnrichmentOverRandomIsZeroAtTheBaseRateAndOneAtTheBest()
    {
        // A 76%-active library of 40 drug-like compounds, 10 picks: random finds 7.6 on average.
        Assert.Equal(0, ExerciseScorer.EnrichmentOverRandom(hits: 19, picks: 25, actives: 30, baseRate: 0.76), 6);
        Assert.Equal(1, ExerciseScorer.EnrichmentOverRandom(hits: 10, picks: 10, actives: 30, baseRate: 0.76), 6);

        // 5 hits of 10 with 12 actives at a base rate of 1/4: (0.5 - 0.25) / (1 - 0.25) = 1/3.
        Assert.Equal(1.0 / 3, ExerciseScorer.EnrichmentOverRandom(hits: 5, picks: 10, actives: 12, baseRate: 0.25), 6);

        // The mean over every way of picking 10 of 40 (hypergeometric) is 0: random picks earn nothing.
        var random = new Random(2026);
        double sum = 0;
        const int draws = 20000;
        for (int d = 0; d < draws; d++)
        {
            int hits = Enumerable.Range(0, 40).OrderBy(_ => random.Next()).Take(10).Count(i => i < 30);
            sum += ExerciseScorer.EnrichmentOverRandom(hits, 10, 30, 0.75);
        }

        Assert.InRange(sum / draws, -0.02, 0.02);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AScreenOnAMostlyPositiveDatasetAsksForTheMinority(int level)
    {
        // BBBP: 76% cross the barrier, so the screen's actives are the ones that do not.
        double share = ExercisePools.Bbbp.Count(c => c.Measured == 1) / (double)ExercisePools.Bbbp.Count;
        Assert.InRange(share, 0.7, 0.8);
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.VirtualScreen, ExercisePools.Bbbp, 4, level, ExercisePools.Bbb);
        Assert.Contains("An active here is a compound that does not cross the blood-brain barrier", exercise.Prompt);
        Assert.All(key.Truth, id => Assert.Equal(0, key.Facts[id].Measured));
        Assert.InRange(key.BaseRate!.Value, 0.05, 0.5);
        Assert.True(key.Truth.Count >= 5);

        // Random drug-like picks score about 0 on average; the feedback states the base rate.
        var drugLike = exercise.Candidates.Where(c => ExercisePools.Bbbp.Single(p => p.Id == c.Id).DrugLike).Select(c => c.Id).ToList();
        var random = new Random(level);
        var feedback = ExerciseScorer.Score(exercise, key, drugLike.OrderBy(_ => random.Next()).Take(10).ToList());
        Assert.Contains($"{key.BaseRate * 100:0}% of the drug-like library is active", feedback.Measure);
        double mean = Enumerable.Range(0, 4000).Average(_ =>
        {
            var picks = drugLike.OrderBy(_ => random.Next()).Take(10).ToList();
            return ExerciseScorer.EnrichmentOverRandom(picks.Count(key.Truth.Contains), 10, key.Truth.Count, key.BaseRate!.Value);
        });
        Assert.InRange(mean, -0.05, 0.05);
        Assert.Equal(100, ExerciseScorer.Score(exercise, key, key.Truth.Concat(drugLike.Except(key.Truth)).Take(10).ToList()).Score);
    }

    [Fact]
    public void RankingFeedbackSpeaksThePropertysWordsAndUnits()
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.PropertyRanking, ExercisePools.Esol, 2, 1, ExercisePools.Solubility);
        var feedback = ExerciseScorer.Score(exercise, key, key.Truth);
        Assert.Equal(100, feedback.Score);
        Assert.All(feedback.Explanations, e => Assert.Matches(@": log S -?\d+(\.\d+)? log\(mol/L\) \(measured\); model: log S -?\d+(\.\d+)? log\(mol/L\)", e));
    }
}
