using System.Text.Json.Serialization;
using MedEdu.Compute.Learning;
using MedEdu.Compute.Wording;

namespace MedEdu.Compute.Exercises;

/// <summary>The result of a submission: the student's score beside the model's, the truth, and explanations.</summary>
/// <param name="Score">The student's score, 0-100.</param>
/// <param name="ModelScore">The model's score on the same task, or null when the exercise has no model.</param>
/// <param name="Measure">What the score measures (e.g. "picks among the true top 3", "Spearman rank correlation"); in the reader's language on the student routes.</param>
/// <param name="Truth">The true answer (ids in order, or the set).</param>
/// <param name="ModelAnswer">The model's answer, when there is one.</param>
/// <param name="Explanations">One line per candidate: what decided its place; in the reader's language on the student routes.</param>
/// <param name="Evidence">The model's evidence: each compound's nearest training compounds with their measured values (property exercises with a model).</param>
/// <param name="Campaign">For a discovery campaign's round: what it revealed and every player's discovery curve so far.</param>
/// <param name="MeasurePhrase">The measure as catalog words (the API answers <paramref name="Measure"/> in the reader's language from it); null in feedback stored before it existed.</param>
/// <param name="ExplanationPhrases">The explanations as catalog words, one per line of <paramref name="Explanations"/>.</param>
public sealed record ExerciseFeedback(double Score, double? ModelScore, string Measure, IReadOnlyList<string> Truth, IReadOnlyList<string> ModelAnswer, IReadOnlyList<string> Explanations,
    IReadOnlyDictionary<string, IReadOnlyList<TrainingNeighbour>>? Evidence = null, Campaigns.CampaignRound? Campaign = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Phrase? MeasurePhrase = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Phrase>? ExplanationPhrases = null)
{
    /// <summary>Feedback in catalog words: the measure and explanations in English beside the phrases that put them in any language.</summary>
    public static ExerciseFeedback Worded(double score, double? modelScore, Phrase measure, IReadOnlyList<string> truth, IReadOnlyList<string> modelAnswer, IReadOnlyList<Phrase> explanations,
        Campaigns.CampaignRound? campaign = null) =>
        new(score, modelScore, measure.English, truth, modelAnswer, [.. explanations.Select(e => e.English)], null, campaign, measure, explanations);
}

/// <summary>Scores a student's answer against the answer key.</summary>
public static partial class ExerciseScorer
{
    /// <summary>Scores <paramref name="answer"/> (picked ids, or all ids in the student's order for rankings).</summary>
    /// <exception cref="ArgumentException">The answer names compounds that are not in the exercise, repeats one, or has the wrong length.</exception>
    public static ExerciseFeedback Score(Exercise exercise, AnswerKey key, IReadOnlyList<string> answer)
    {
        var ids = exercise.Candidates.Select(c => c.Id).ToHashSet();
        var unknown = answer.Where(a => !ids.Contains(a)).ToList();
        if (unknown.Count > 0)
        {
            throw new AnswerException(AnswerProblem.NotInExercise, $"not in this exercise: {string.Join(", ", unknown)}", string.Join(", ", unknown));
        }

        if (answer.Distinct().Count() != answer.Count)
        {
            throw new AnswerException(AnswerProblem.PickedTwice, "a compound is picked twice");
        }

        var feedback = exercise.Kind switch
        {
            ExerciseKind.Campaign => throw new ArgumentException("a campaign is played round by round (CampaignReferee), not scored in one answer"),
            ExerciseKind.SimilarityHunt => SimilarityHunt(exercise, key, answer),
            ExerciseKind.PropertyRanking => Ranking(exercise, key, answer),
            ExerciseKind.Classify => Classification(exercise, key, answer),
            ExerciseKind.VirtualScreen => Screen(exercise, key, answer),
            ExerciseKind.MatchedPair => MatchedPairs(exercise, key, answer),
            ExerciseKind.ActivityCliff => Cliff(exercise, key, answer),
            ExerciseKind.ScaffoldHop => Hop(exercise, key, answer),
            _ => RuleCheck(exercise, key, answer),
        };
        return key.Evidence is { Count: > 0 } evidence ? feedback with { Evidence = evidence } : feedback;
    }

    private static ExerciseFeedback SimilarityHunt(Exercise exercise, AnswerKey key, IReadOnlyList<string> answer)
    {
        RequireCount(answer, exercise.Picks);
        var top = key.Truth.Take(exercise.Picks).ToHashSet();
        double score = 100.0 * answer.Count(top.Contains) / exercise.Picks;
        var explanations = key.Truth.Select((id, i) => Phrase.Of("Explain.Hunt", Name(exercise, id), PhraseArg.Of(key.Facts[id].Similarity ?? 0, "F2"), i + 1)).ToList();
        return ExerciseFeedback.Worded(Math.Round(score, 1), null, Phrase.Of("Measure.Hunt", exercise.Picks), key.Truth, [], explanations);
    }

    private static ExerciseFeedback Ranking(Exercise exercise, AnswerKey key, IReadOnlyList<string> answer)
    {
        RequireCount(answer, exercise.Candidates.Count);
        double tolerance = key.Property?.ExperimentalError ?? 0;
        double student = RankAgreement(key, answer, tolerance);
        double? model = key.ModelOrder.Count == key.Truth.Count ? RankAgreement(key, key.ModelOrder, tolerance) : null;
        var explanations = key.Truth.Select(id => Explain(exercise, key, id, binary: false)).ToList();
        var measure = tolerance > 0
            ? Phrase.Join([Phrase.Of("Measure.Ranking"), Phrase.Of("Measure.RankingTies", key.Property!.Amount(key.Property.ExperimentalError))])
            : Phrase.Of("Measure.Ranking");
        return ExerciseFeedback.Worded(Math.Round(student * 100, 1), model is double m ? Math.Round(m * 100, 1) : null, measure, key.Truth, key.ModelOrder, explanations);
    }

    /// <summary>
    /// Agreement of an order with the measured values, 0 to 1: Spearman's rho against the measured
    /// ranks, where values within <paramref name="tolerance"/> of each other share their average rank
    /// (so swapping them changes nothing), divided by the rho of the best possible order so a
    /// perfect answer scores 1; negative agreement counts as 0.
    /// </summary>
    public static double RankAgreement(AnswerKey key, IReadOnlyList<string> order, double tolerance)
    {
        var truth = key.Truth;
        bool measured = truth.All(id => key.Facts.TryGetValue(id, out var f) && f.Measured is not null);

        // Without measured values (hand-made keys), the truth order itself is the measurement.
        var values = truth.Select((id, i) => measured ? -key.Facts[id].Measured!.Value : i).ToList();
        var truthRanks = RankingMetrics.RanksWithin(values, measured ? tolerance : 0);
        var position = order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => (double)x.i);
        var answered = truth.Select(id => position[id]).ToList();
        var bestOrder = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToList();
        var bestPositions = new double[values.Count];
        for (int p = 0; p < bestOrder.Count; p++)
        {
            bestPositions[bestOrder[p]] = p;
        }

        double best = RankingMetrics.Pearson(bestPositions, truthRanks);
        if (best <= 0)
        {
            // Every value is indistinguishable from the others: no order is wrong.
            return 1;
        }

        return Math.Clamp(RankingMetrics.Pearson(answered, truthRanks) / best, 0, 1);
    }

    private static ExerciseFeedback Classification(Exercise exercise, AnswerKey key, IReadOnlyList<string> answer)
    {
        var property = key.Property ?? PropertyProfile.Unnamed;
        var positives = key.Truth.ToHashSet();
        var said = answer.ToHashSet();
        double student = BalancedAccuracy(exercise, positives, said);
        bool hasModel = exercise.Candidates.All(c => key.Facts[c.Id].Predicted is not null);
        double? model = hasModel ? BalancedAccuracy(exercise, positives, key.ModelOrder.ToHashSet()) : null;
        var explanations = exercise.Candidates.Select(c =>
            Phrase.Join([Explain(exercise, key, c.Id, binary: true), Said(said.Contains(c.Id) ? "Yes" : "No", said.Contains(c.Id) == positives.Contains(c.Id))])).ToList();
        var measure = Phrase.Of("Measure.Classify", property.PositiveWords);
        return ExerciseFeedback.Worded(Math.Round(student * 100, 1), model is double m ? Math.Round(m * 100, 1) : null, measure, key.Truth, key.ModelOrder, explanations);
    }

    /// <summary>Balanced accuracy of labelling <paramref name="said"/> positive and the rest negative (plain accuracy when one class is absent).</summary>
    internal static double BalancedAccuracy(Exercise exercise, IReadOnlySet<string> positives, IReadOnlySet<string> said)
    {
        int tp = 0, tn = 0, p = 0, n = 0;
        foreach (var c in exercise.Candidates)
        {
            if (positives.Contains(c.Id))
            {
                p++;
                tp += said.Contains(c.Id) ? 1 : 0;
            }
            else
            {
                n++;
                tn += said.Contains(c.Id) ? 0 : 1;
            }
        }

        return p == 0 || n == 0 ? (double)(tp + tn) / Math.Max(1, p + n) : (((double)tp / p) + ((double)tn / n)) / 2;
    }

    private static ExerciseFeedback Screen(Exercise exercise, AnswerKey key, IReadOnlyList<string> answer)
    {
        RequireCount(answer, exercise.Picks);
        var actives = key.Truth.ToHashSet();
        int hits = answer.Count(actives.Contains);
        var modelPicks = key.ModelOrder.Take(exercise.Picks).ToList();
        var explanations = answer.Select(id => Phrase.Of(actives.Contains(id) ? "Screen.Active" : "Screen.Inactive", Explain(exercise, key, id, IsBinary(key)))).ToList();
        if (key.BaseRate is not double baseRate)
        {
            // Keys made before base rates were kept: precision at k, as they were scored then.
            int? modelHits = key.ModelOrder.Count > 0 ? modelPicks.Count(actives.Contains) : null;
            return ExerciseFeedback.Worded(Math.Round(100.0 * hits / exercise.Picks, 1), modelHits is int mh ? Math.Round(100.0 * mh / exercise.Picks, 1) : null,
                Phrase.Of("Measure.Precision", exercise.Picks), key.Truth, modelPicks, explanations);
        }

        double student = Math.Clamp(EnrichmentOverRandom(hits, exercise.Picks, actives.Count, baseRate), 0, 1);
        double? model = key.ModelOrder.Count > 0 ? Math.Clamp(EnrichmentOverRandom(modelPicks.Count(actives.Contains), exercise.Picks, actives.Count, baseRate), 0, 1) : null;
        var measure = Phrase.Of("Measure.Enrichment", PhraseArg.Of(baseRate * 100, "0"), exercise.Picks, PhraseArg.Of(baseRate * exercise.Picks, "0.#"), hits,
            PhraseArg.Of(hits / (double)exercise.Picks / baseRate, "0.0"));
        return ExerciseFeedback.Worded(Math.Round(student * 100, 1), model is double m ? Math.Round(m * 100, 1) : null, measure, key.Truth, modelPicks, explanations);
    }

    /// <summary>
    /// How far <paramref name="hits"/> actives in <paramref name="picks"/> picks stand above random
    /// picking: 0 at the base rate, 1 at the best possible precision, negative below the base rate
    /// (scores clamp it at 0). Its mean over random picks is 0.
    /// </summary>
    public static double EnrichmentOverRandom(int hits, int picks, int actives, double baseRate)
    {
        double precision = (double)hits / picks;
        double best = Math.Min(actives, picks) / (double)picks;
        return best <= baseRate ? 1 : (precision - baseRate) / (best - baseRate);
    }

    private static ExerciseFeedback RuleCheck(Exercise exercise, AnswerKey key, IReadOnlyList<string> answer)
    {
        var truth = key.Truth.ToHashSet();
        int correct = exercise.Candidates.Count(c => truth.Contains(c.Id) == answer.Contains(c.Id));
        double score = 100.0 * correct / exercise.Candidates.Count;
        var passes = Phrase.Of(exercise.Rules == "pains" ? "Rule.NoPains" : "Rule.Passes");
        var explanations = exercise.Candidates.Select(c => Phrase.Of("Named", c.Name, Broken(key.Facts[c.Id]) ?? passes)).ToList();
        return ExerciseFeedback.Worded(Math.Round(score, 1), null, Phrase.Of("Measure.RuleCheck"), key.Truth, [], explanations);
    }

    private static bool IsBinary(AnswerKey key) => key.Facts.Values.All(f => f.Measured is null or 0 or 1);

    /// <summary>The rule a candidate breaks: its catalog words, or as the key wrote it (keys made before phrases, PAINS alerts' names); null when it passes.</summary>
    private static Phrase? Broken(CandidateFacts facts) =>
        facts.RuleBreakPhrase ?? (facts.RuleBreak is { } written ? Phrase.Of(Phrase.WordsKey, written) : null);

    /// <summary>"you said yes ✓" or "you said no ✗".</summary>
    private static Phrase Said(string wordKey, bool right) => Phrase.Of(right ? "Said.Right" : "Said.Wrong", Phrase.Of(wordKey));

    /// <summary>A candidate's measured value and the model's prediction in the property's words.</summary>
    private static Phrase Explain(Exercise exercise, AnswerKey key, string id, bool binary)
    {
        var property = key.Property ?? PropertyProfile.Unnamed;
        var f = key.Facts[id];
        var measured = Phrase.Of("Named", Name(exercise, id), f.Measured is double v ? property.Measured(v, binary) : Phrase.Of("NotMeasured"));
        if (f.Predicted is not double p)
        {
            return measured;
        }

        var predicted = property.Predicted(p, binary);
        return Phrase.Join([measured, f.InDomain ? predicted : Phrase.Of("Predicted.OutOfDomain", predicted)]);
    }

    private static string Name(Exercise exercise, string id) =>
        exercise.Candidates.FirstOrDefault(c => c.Id == id)?.Name
        ?? exercise.Candidates.Select(c => c.Partner).FirstOrDefault(p => p?.Id == id)?.Name
        ?? (exercise.Query?.Id == id ? exercise.Query.Name : id);

    private static void RequireCount(IReadOnlyList<string> answer, int expected)
    {
        if (answer.Count != expected)
        {
            throw new AnswerException(AnswerProblem.WrongCount, $"the answer must name {expected} compounds, not {answer.Count}",
                expected.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
