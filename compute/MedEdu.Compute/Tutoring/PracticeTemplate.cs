using System.Globalization;
using MedEdu.Compute.Exercises;

namespace MedEdu.Compute.Tutoring;

/// <summary>
/// What a student practises in one exercise, apart from its compounds: the kind, the level and the
/// rule set of a rule check. Exercises of one template share a fitted difficulty.
/// </summary>
/// <param name="Kind">The exercise kind.</param>
/// <param name="Difficulty">The level, 1-3.</param>
/// <param name="Rules">The rule set of a rule check (<c>pains</c>), else null.</param>
public sealed record PracticeTemplate(ExerciseKind Kind, int Difficulty, string? Rules = null)
{
    /// <summary>The template of an exercise.</summary>
    public static PracticeTemplate Of(Exercise exercise) => new(exercise.Kind, exercise.Difficulty, exercise.Rules);

    /// <summary>The stable key stored with the template's difficulty, e.g. <c>ActivityCliff-2</c> or <c>RuleCheck-pains-1</c>.</summary>
    public string Key => Rules is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Kind}-{Difficulty}")
        : string.Create(CultureInfo.InvariantCulture, $"{Kind}-{Rules.ToLowerInvariant()}-{Difficulty}");

    /// <summary>The template's name in words, e.g. "activity-cliff hunt at level 2".</summary>
    public string Words => string.Create(CultureInfo.InvariantCulture, $"{KindWords(Kind, Rules)} at level {Difficulty}");

    /// <summary>An exercise kind in words, as a student reads it.</summary>
    public static string KindWords(ExerciseKind kind, string? rules = null) => kind switch
    {
        ExerciseKind.SimilarityHunt => "similarity hunt",
        ExerciseKind.PropertyRanking => "property ranking",
        ExerciseKind.VirtualScreen => "virtual screen",
        ExerciseKind.Classify => "classification",
        ExerciseKind.MatchedPair => "matched-pair exercise",
        ExerciseKind.ActivityCliff => "activity-cliff hunt",
        ExerciseKind.ScaffoldHop => "scaffold hop",
        ExerciseKind.Campaign => "discovery campaign",
        _ when string.Equals(rules, "pains", StringComparison.OrdinalIgnoreCase) => "PAINS alert check",
        _ => "rule check",
    };
}
