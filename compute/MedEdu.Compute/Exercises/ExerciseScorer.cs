using MedEdu.Compute.Learning;

namespace MedEdu.Compute.Exercises;

/// <summary>The result of a submission: the student's score beside the model's, the truth, and explanations.</summary>
/// <param name="Score">The student's score, 0-100.</param>
/// <param name="ModelScore">The model's score on the same task, or null when the exercise has no model.</param>
/// <param name="Measure">What the score measures (e.g. "picks among the true top 3", "Spearman rank correlation").</param>
/// <param name="Truth">The true answer (ids in order, or the set).</param>
/// <param name="ModelAnswer">The model's answer, when there is one.</param>
/// <param name="Explanations">One line per candidate: what decided its place.</param>
public sealed record ExerciseFeedback(double Score, double? ModelScore, string Measure, IReadOnlyList<string> Truth, IReadOnlyList<string> ModelAnswer, IReadOnlyList<string> Explanations);

/// <summary>Scores a student's answer against the answer key.</summary>
public static class ExerciseScorer
{
    /// <summary>Scores <paramref name="answer"/> (picked ids, or all ids in the student's order for rankings).</summary>
    /// <exception cref="ArgumentException">The answer names compounds that are not in the exercise, repeats one, or has the wrong length.</exception>
    public static ExerciseFeedback Score(Exercise exercise, AnswerKey key, IReadOnlyList<string> answer)
    {
        var ids = exercise.Candidates.Select(c => c.Id).ToHashSet();
        var unknown = answer.Where(a => !ids.Contains(a)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"not in this exercise: {string.Join(", ", unknown)}");
        }

        if (answer.Distinct().Count() != answer.Count)
        {
            throw new ArgumentException("a compound is picked twice");
        }

        return exercise.Kind switch
        {
            ExerciseKind.SimilarityHunt => SimilarityHunt(exercise, key, answer),
            ExerciseKind.PropertyRanking => Ranking(exercise, key, answer),
            ExerciseKind.VirtualScreen => Screen(exercise, key, answer),
            _ => RuleCheck(exercise, key, answer),
        };
    }

    private static ExerciseFeedback SimilarityHunt(Exercise exercise, AnswerKey key, IReadOnlyList<string> answer)
    {
        RequireCount(answer, exercise.Picks);
        var top = key.Truth.Take(exercise.Picks).ToHashSet();
        double score = 100.0 * answer.Count(top.Contains) / exercise.Picks;
        var explanations = key.Truth.Select((id, i) => $"{Name(exercise, id)}: Tanimoto {key.Facts[id].Similarity:F2} (rank {i + 1})").ToList();
        return new ExerciseFeedback(Math.Round(score, 1), null, $"picks among the true top {exercise.Picks}", key.Truth, [], explanations);
    }

    private static ExerciseFeedback Ranking(Exercise exercise, AnswerKey key, IReadOnlyList<string> answer)
    {
        RequireCount(answer, exercise.Candidates.Count);
        double student = RankAgreement(key.Truth, answer);
        double? model = key.ModelOrder.Count == key.Truth.Count ? RankAgreement(key.Truth, key.ModelOrder) : null;
        var explanations = key.Truth.Select(id => Explain(exercise, key, id)).ToList();
        return new ExerciseFeedback(Math.Round(Math.Max(0, student) * 100, 1), model is double m ? Math.Round(Math.Max(0, m) * 100, 1) : null,
            "Spearman rank correlation with the measured order (x100, negative counts as 0)", key.Truth, key.ModelOrder, explanations);
    }

    private static ExerciseFeedback Screen(Exercise exercise, AnswerKey key, IReadOnlyList<string> answer)
    {
        RequireCount(answer, exercise.Picks);
        var actives = key.Truth.ToHashSet();
        var index = exercise.Candidates.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var activeIdx = actives.Select(a => index[a]).ToHashSet();
        double studentP = RankingMetrics.PrecisionAtK(answer.Select(a => index[a]).ToList(), activeIdx, exercise.Picks);
        double? modelP = key.ModelOrder.Count > 0 ? RankingMetrics.PrecisionAtK(key.ModelOrder.Select(a => index[a]).ToList(), activeIdx, exercise.Picks) : null;
        var modelPicks = key.ModelOrder.Take(exercise.Picks).ToList();
        var explanations = answer.Select(id => Explain(exercise, key, id) + (actives.Contains(id) ? " — active" : " — not active")).ToList();
        return new ExerciseFeedback(Math.Round(studentP * 100, 1), modelP is double m ? Math.Round(m * 100, 1) : null,
            $"precision at {exercise.Picks} (share of your picks that are actives)", key.Truth, modelPicks, explanations);
    }

    private static ExerciseFeedback RuleCheck(Exercise exercise, AnswerKey key, IReadOnlyList<string> answer)
    {
        var truth = key.Truth.ToHashSet();
        int correct = exercise.Candidates.Count(c => truth.Contains(c.Id) == answer.Contains(c.Id));
        double score = 100.0 * correct / exercise.Candidates.Count;
        var explanations = exercise.Candidates.Select(c => $"{c.Name}: {key.Facts[c.Id].RuleBreak ?? "passes both rules"}").ToList();
        return new ExerciseFeedback(Math.Round(score, 1), null, "compounds classified correctly (flagged or not)", key.Truth, [], explanations);
    }

    /// <summary>Spearman correlation between two orderings of the same ids.</summary>
    public static double RankAgreement(IReadOnlyList<string> truth, IReadOnlyList<string> answer)
    {
        var position = answer.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => (double)x.i);
        return RankingMetrics.Spearman(truth.Select((_, i) => (double)i).ToList(), truth.Select(id => position[id]).ToList());
    }

    private static string Explain(Exercise exercise, AnswerKey key, string id)
    {
        var f = key.Facts[id];
        string text = $"{Name(exercise, id)}: measured {f.Measured?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) ?? "n/a"}";
        if (f.Predicted is double p)
        {
            text += $", model {p.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}";
            if (!f.InDomain)
            {
                text += " (out of the model's applicability domain: don't trust this prediction)";
            }
        }

        return text;
    }

    private static string Name(Exercise exercise, string id) => exercise.Candidates.FirstOrDefault(c => c.Id == id)?.Name ?? id;

    private static void RequireCount(IReadOnlyList<string> answer, int expected)
    {
        if (answer.Count != expected)
        {
            throw new ArgumentException($"the answer must name {expected} compounds, not {answer.Count}");
        }
    }
}
