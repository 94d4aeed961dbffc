using System.Globalization;
using MedEdu.Compute.Chemistry.SmilesParse;

namespace MedEdu.Compute.Exercises;

/// <summary>
/// An instructor's edits to a generated exercise: a compound swapped for another of the same
/// dataset, with the answer key built again and the exercise's fairness rule checked again (a swap
/// that breaks it is refused, naming the rule), and a prompt in the instructor's own words.
/// </summary>
public static class ExerciseEditor
{
    /// <summary>The kinds whose compounds may be swapped one at a time (the others choose theirs together: pairs, series, a library).</summary>
    public static IReadOnlyList<ExerciseKind> Replaceable { get; } =
        [ExerciseKind.SimilarityHunt, ExerciseKind.PropertyRanking, ExerciseKind.Classify, ExerciseKind.RuleCheck];

    /// <summary>Longest prompt an instructor may write.</summary>
    public const int MaxPrompt = 1000;

    /// <summary>
    /// Replaces candidate <paramref name="compoundId"/> with <paramref name="replacement"/> (in the
    /// same place among the candidates) and builds the answer key again from <paramref name="pool"/>,
    /// which holds every candidate and the query.
    /// </summary>
    /// <exception cref="ExerciseRuleException">The swap breaks the exercise's fairness rule, or the compound cannot stand there.</exception>
    public static (Exercise Exercise, AnswerKey Key) Replace(Exercise exercise, AnswerKey key, string compoundId, ExerciseCompound replacement,
        IReadOnlyList<ExerciseCompound> pool, PropertyProfile? property = null)
    {
        property ??= key.Property ?? PropertyProfile.Unnamed;
        if (!Replaceable.Contains(exercise.Kind))
        {
            throw new ExerciseRuleException("replaceable kinds",
                $"a {exercise.Kind}'s compounds are chosen together, so one cannot be swapped alone; regenerate the exercise with a new seed instead");
        }

        int at = exercise.Candidates.ToList().FindIndex(c => c.Id == compoundId);
        if (at < 0)
        {
            throw new ExerciseRuleException("candidates", $"'{compoundId}' is not a candidate of this exercise");
        }

        if (exercise.Candidates.Any(c => c.Id == replacement.Id) || exercise.Query?.Id == replacement.Id)
        {
            throw new ExerciseRuleException("candidates", $"'{replacement.Id}' is already in this exercise");
        }

        var byId = pool.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First());
        var picked = exercise.Candidates.Select((c, i) => i == at ? replacement : byId.GetValueOrDefault(c.Id)
            ?? throw new ExerciseRuleException("candidates", $"candidate '{c.Id}' is not in the dataset version any more")).ToList();
        int level = Math.Clamp(exercise.Difficulty, 1, 3);
        var newKey = exercise.Kind switch
        {
            ExerciseKind.SimilarityHunt => Hunt(exercise, picked, byId, level),
            ExerciseKind.PropertyRanking => Ranking(picked, property, level),
            ExerciseKind.Classify => Classification(picked, property),
            _ when exercise.Rules == "pains" => Pains(picked),
            _ => RuleCheck(picked),
        };
        if (newKey.ModelOrder.Count > 0)
        {
            newKey = newKey with { Evidence = ModelEvidence.For(picked.Select(c => c.Id), pool) };
        }

        var candidates = exercise.Candidates.Select((c, i) => i == at ? CandidateView.From(replacement) : c).ToList();
        return (exercise with { Candidates = candidates }, newKey);
    }

    /// <summary>The exercise with the instructor's prompt (trimmed; 1 to <see cref="MaxPrompt"/> characters).</summary>
    /// <exception cref="ExerciseRuleException">An empty or too long prompt.</exception>
    public static Exercise WithPrompt(Exercise exercise, string? prompt)
    {
        string text = prompt?.Trim() ?? "";
        if (text.Length is 0 or > MaxPrompt)
        {
            throw new ExerciseRuleException("prompt", $"'prompt' must be 1 to {MaxPrompt} characters");
        }

        return exercise with { Prompt = text, PromptPhrase = null };
    }

    private static AnswerKey Hunt(Exercise exercise, List<ExerciseCompound> picked, Dictionary<string, ExerciseCompound> byId, int level)
    {
        var query = exercise.Query is { } q && byId.TryGetValue(q.Id, out var found) ? found
            : throw new ExerciseRuleException("candidates", "the query compound is not in the dataset version any more");
        var chosen = picked.Select(c => (Compound: c, Similarity: ExerciseGenerator.Tanimoto(query.Fingerprint, c.Fingerprint))).ToList();
        var ranked = chosen.Select(x => x.Similarity).OrderDescending().ToList();
        double margin = ExerciseGenerator.HuntMargins[level - 1];
        double last = ranked[exercise.Picks - 1], closest = ranked[exercise.Picks];
        if (last - closest < margin)
        {
            throw new ExerciseRuleException("similarity margin",
                $"the {exercise.Picks} most similar candidates must stand {Fixed(margin)} (Tanimoto) above every other at level {level}; " +
                $"with this compound the {Ordinal(exercise.Picks)} is {Fixed(last)} and the next {Fixed(closest)}");
        }

        return ExerciseGenerator.HuntKey(chosen);
    }

    private static AnswerKey Ranking(List<ExerciseCompound> picked, PropertyProfile property, int level)
    {
        RequireMeasured(picked);
        double gap = property.ExperimentalError * ExerciseGenerator.RankingGaps[level - 1];
        var sorted = picked.OrderBy(c => c.Measured).ToList();
        for (int i = 1; i < sorted.Count; i++)
        {
            double difference = sorted[i].Measured!.Value - sorted[i - 1].Measured!.Value;
            if (difference <= gap)
            {
                throw new ExerciseRuleException("experimental error",
                    $"neighbouring values must differ by more than {Fixed(gap)} ({ExerciseGenerator.RankingGaps[level - 1].ToString("0.#", CultureInfo.InvariantCulture)} times the experimental error {property.ErrorText}) at level {level}; " +
                    $"{sorted[i - 1].Name} and {sorted[i].Name} differ by {Fixed(difference)}");
            }
        }

        return ExerciseGenerator.RankingKey(picked, property);
    }

    private static AnswerKey Classification(List<ExerciseCompound> picked, PropertyProfile property)
    {
        if (picked.Any(c => c.Measured is not (0 or 1)))
        {
            throw new ExerciseRuleException("labels", "every compound of a classification needs a 0/1 label");
        }

        int n = picked.Count, ones = picked.Count(c => c.Measured == 1);
        int fewest = Math.Max(ExerciseGenerator.ClassifyLeastOfEach, (int)Math.Ceiling(0.3 * n)), most = Math.Min(n - ExerciseGenerator.ClassifyLeastOfEach, (int)Math.Floor(0.7 * n));
        if (ones < fewest || ones > most)
        {
            throw new ExerciseRuleException("label balance",
                $"between {fewest} and {most} of the {n} compounds must be labelled \"{property.PositiveLabel}\" (30% to 70%, so neither all yes nor all no is a strategy); with this compound {ones} are");
        }

        return ExerciseGenerator.ClassifyKey(picked, property);
    }

    private static AnswerKey RuleCheck(List<ExerciseCompound> picked)
    {
        int breakers = picked.Count(c => c.RuleBreakPhrase() is not null);
        RequireFlaggedShare(breakers, picked.Count, "breaks Lipinski's or Veber's rule");
        return ExerciseGenerator.RuleCheckKey(picked);
    }

    private static AnswerKey Pains(List<ExerciseCompound> picked)
    {
        var alerts = picked.ToDictionary(c => c.Id, c => SmilesParser.TryParse(c.Smiles, out var m, out _) ? ExerciseGenerator.PainsAlerts(m!) : null);
        RequireFlaggedShare(alerts.Values.Count(a => a is not null), picked.Count, "carries a PAINS alert");
        return ExerciseGenerator.PainsKey(picked, c => alerts[c.Id]);
    }

    /// <summary>A rule check needs something to flag and mostly compounds that pass (the generator flags about a third).</summary>
    private static void RequireFlaggedShare(int flagged, int count, string what)
    {
        if (flagged < 1 || flagged > count / 2)
        {
            throw new ExerciseRuleException("flagged share",
                $"at least 1 and at most {count / 2} of the {count} compounds may be flagged (one that {what}); with this compound {flagged} are");
        }
    }

    private static void RequireMeasured(List<ExerciseCompound> picked)
    {
        if (picked.FirstOrDefault(c => c.Measured is null) is { } missing)
        {
            throw new ExerciseRuleException("measured values", $"{missing.Name} has no measured value, and a ranking's truth is measured");
        }
    }

    private static string Fixed(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Ordinal(int n) => n switch { 1 => "1st", 2 => "2nd", 3 => "3rd", _ => $"{n}th" };
}

/// <summary>An edit an exercise's fairness rules refuse.</summary>
/// <param name="rule">The rule, in a few words ("similarity margin", "experimental error", "label balance", ...).</param>
/// <param name="message">What breaks it, with the figures.</param>
public sealed class ExerciseRuleException(string rule, string message) : ArgumentException($"{message} (rule: {rule})")
{
    /// <summary>The rule the edit breaks.</summary>
    public string Rule { get; } = rule;
}
