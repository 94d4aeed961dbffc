namespace MedEdu.Compute.Exercises;

/// <summary>Scoring of matched pairs, activity cliffs and scaffold hops, with feedback that names the pairs and the gaps.</summary>
public static partial class ExerciseScorer
{
    private static ExerciseFeedback MatchedPairs(Exercise exercise, AnswerKey key, IReadOnlyList<string> answer)
    {
        var property = key.Property ?? PropertyProfile.Unnamed;
        var higher = key.Truth.ToHashSet();
        var said = answer.ToHashSet();
        double student = BalancedAccuracy(exercise, higher, said);
        bool hasModel = exercise.Candidates.All(c => key.Facts[c.Id].Predicted is not null && c.Partner is not null && key.Facts[c.Partner.Id].Predicted is not null);
        double? model = hasModel ? BalancedAccuracy(exercise, higher, key.ModelOrder.ToHashSet()) : null;
        var explanations = exercise.Candidates.Select(c =>
        {
            var from = key.Facts[c.Partner!.Id];
            var to = key.Facts[c.Id];
            double change = to.Measured!.Value - from.Measured!.Value;
            string text = $"{c.Partner.Name} → {c.Name} (Tanimoto {to.Similarity:F2}): {property.ValueText(from.Measured.Value)} → {property.ValueText(to.Measured.Value)}, "
                + $"{(change > 0 ? "up" : "down")} {property.AmountText(Math.Abs(change))}";
            if (from.Predicted is double pf && to.Predicted is double pt)
            {
                text += $"; the model predicted {(pt > pf ? "up" : "down")}";
            }

            return text + $"; you said {(said.Contains(c.Id) ? "higher" : "lower")}{(said.Contains(c.Id) == higher.Contains(c.Id) ? " ✓" : " ✗")}";
        }).ToList();
        string measure = "balanced accuracy over the pairs: the share of rises you called higher and of falls you called lower, averaged (guessing scores 50)";
        return new ExerciseFeedback(Math.Round(student * 100, 1), model is double m ? Math.Round(m * 100, 1) : null, measure, key.Truth, key.ModelOrder, explanations);
    }

    private static ExerciseFeedback Cliff(Exercise exercise, AnswerKey key, IReadOnlyList<string> answer)
    {
        RequireCount(answer, 2);
        var property = key.Property ?? PropertyProfile.Unnamed;
        var cliff = key.Truth.Take(2).ToHashSet();
        double student = 50.0 * answer.Count(cliff.Contains);
        double? model = key.ModelOrder.Count >= 2 ? 50.0 * key.ModelOrder.Take(2).Count(cliff.Contains) : null;
        var pairs = key.PairSimilarities ?? new Dictionary<string, double>();
        string Pair(string a, string b)
        {
            double gap = Math.Abs(key.Facts[a].Measured!.Value - key.Facts[b].Measured!.Value);
            string similarity = pairs.TryGetValue(AnswerKey.PairKey(a, b), out double s) ? $"Tanimoto {s:F2}" : "not similar enough to count as a pair";
            return $"{Name(exercise, a)} and {Name(exercise, b)}: {similarity}, a gap of {property.AmountText(gap)}";
        }

        var explanations = new List<string> { $"The cliff: {Pair(key.Truth[0], key.Truth[1])}." };
        if (!cliff.SetEquals(answer))
        {
            explanations.Add($"Your pair: {Pair(answer[0], answer[1])}.");
        }

        if (key.ModelOrder.Count >= 2)
        {
            explanations.Add($"The model's pair (largest predicted gap among similar pairs): {Pair(key.ModelOrder[0], key.ModelOrder[1])}.");
        }

        explanations.AddRange(key.Truth.Select(id => Explain(exercise, key, id, binary: false)));
        string measure = "compounds of the true cliff among your two picks (50 each)";
        return new ExerciseFeedback(student, model, measure, key.Truth.Take(2).ToList(), key.ModelOrder.Take(2).ToList(), explanations);
    }

    private static ExerciseFeedback Hop(Exercise exercise, AnswerKey key, IReadOnlyList<string> answer)
    {
        RequireCount(answer, 1);
        var property = key.Property ?? PropertyProfile.Unnamed;
        string queryScaffold = key.Facts[exercise.Query!.Id].Scaffold ?? "";
        double target = key.Facts[exercise.Query.Id].Measured!.Value;
        var hops = key.Truth.Where(id => key.Facts[id].Scaffold != queryScaffold).ToList();
        double ScoreOf(string id) => hops.IndexOf(id) is int rank and >= 0 ? 100.0 * (hops.Count - 1 - rank) / Math.Max(1, hops.Count - 1) : 0;
        double? model = key.ModelOrder.Count > 0 ? ScoreOf(key.ModelOrder[0]) : null;
        var explanations = key.Truth.Select(id =>
        {
            var f = key.Facts[id];
            string scaffold = f.Scaffold == queryScaffold ? "the same scaffold as the query (not a hop)" : "a different scaffold";
            return $"{Explain(exercise, key, id, binary: false)}; {property.AmountText(Math.Abs(f.Measured!.Value - target))} from the query; {scaffold}; Tanimoto to the query {f.Similarity:F2}";
        }).ToList();
        string measure = $"where your pick ranks among the hops by closeness to the query's {property.ValueText(target)} (100 for the closest, 0 for the farthest or a compound of the query's own scaffold)";
        return new ExerciseFeedback(Math.Round(ScoreOf(answer[0]), 1), model is double m ? Math.Round(m, 1) : null, measure, key.Truth.Take(1).ToList(), key.ModelOrder.Take(1).ToList(), explanations);
    }
}
