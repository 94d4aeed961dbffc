using MedEdu.Compute.Wording;

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
            var parts = new List<Phrase>
            {
                Phrase.Of("Pair.Line", c.Partner.Name, c.Name, PhraseArg.Of(to.Similarity ?? 0, "F2"), property.Value(from.Measured.Value), property.Value(to.Measured.Value),
                    Phrase.Of(change > 0 ? "Pair.Up" : "Pair.Down", property.Amount(Math.Abs(change)))),
            };
            if (from.Predicted is double pf && to.Predicted is double pt)
            {
                parts.Add(Phrase.Of(pt > pf ? "Pair.ModelUp" : "Pair.ModelDown"));
            }

            parts.Add(Said(said.Contains(c.Id) ? "Higher" : "Lower", said.Contains(c.Id) == higher.Contains(c.Id)));
            return Phrase.Join(parts);
        }).ToList();
        return ExerciseFeedback.Worded(Math.Round(student * 100, 1), model is double m ? Math.Round(m * 100, 1) : null, Phrase.Of("Measure.MatchedPair"), key.Truth, key.ModelOrder, explanations);
    }

    private static ExerciseFeedback Cliff(Exercise exercise, AnswerKey key, IReadOnlyList<string> answer)
    {
        RequireCount(answer, 2);
        var property = key.Property ?? PropertyProfile.Unnamed;
        var cliff = key.Truth.Take(2).ToHashSet();
        double student = 50.0 * answer.Count(cliff.Contains);
        double? model = key.ModelOrder.Count >= 2 ? 50.0 * key.ModelOrder.Take(2).Count(cliff.Contains) : null;
        var pairs = key.PairSimilarities ?? new Dictionary<string, double>();
        Phrase Pair(string a, string b)
        {
            double gap = Math.Abs(key.Facts[a].Measured!.Value - key.Facts[b].Measured!.Value);
            var similarity = pairs.TryGetValue(AnswerKey.PairKey(a, b), out double s) ? Phrase.Of("Cliff.Similar", PhraseArg.Of(s, "F2")) : Phrase.Of("Cliff.NotSimilar");
            return Phrase.Of("Cliff.Pair", Name(exercise, a), Name(exercise, b), similarity, property.Amount(gap));
        }

        var explanations = new List<Phrase> { Phrase.Of("Cliff.Truth", Pair(key.Truth[0], key.Truth[1])) };
        if (!cliff.SetEquals(answer))
        {
            explanations.Add(Phrase.Of("Cliff.Yours", Pair(answer[0], answer[1])));
        }

        if (key.ModelOrder.Count >= 2)
        {
            explanations.Add(Phrase.Of("Cliff.Model", Pair(key.ModelOrder[0], key.ModelOrder[1])));
        }

        explanations.AddRange(key.Truth.Select(id => Explain(exercise, key, id, binary: false)));
        return ExerciseFeedback.Worded(student, model, Phrase.Of("Measure.Cliff"), key.Truth.Take(2).ToList(), key.ModelOrder.Take(2).ToList(), explanations);
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
            return Phrase.Join([Explain(exercise, key, id, binary: false), Phrase.Of("Hop.FromQuery", property.Amount(Math.Abs(f.Measured!.Value - target))),
                Phrase.Of(f.Scaffold == queryScaffold ? "Hop.Same" : "Hop.Different"), Phrase.Of("Hop.Similarity", PhraseArg.Of(f.Similarity ?? 0, "F2"))]);
        }).ToList();
        var measure = Phrase.Of("Measure.Hop", property.Value(target));
        return ExerciseFeedback.Worded(Math.Round(ScoreOf(answer[0]), 1), model is double m ? Math.Round(m, 1) : null, measure, key.Truth.Take(1).ToList(), key.ModelOrder.Take(1).ToList(), explanations);
    }
}
