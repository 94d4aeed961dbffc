using System.Globalization;

namespace MedEdu.Compute.Tutoring;

/// <summary>
/// Chooses practice from the student model: the offered skill with the lowest mastery that is not yet
/// mastered, at the template whose predicted chance of a right answer is nearest the middle of the
/// productive band (60-80%: hard enough to learn from, easy enough to succeed), an exercise not yet
/// answered first. Once every skill is mastered, the least-mastered one at its hardest level.
/// </summary>
public static class MasteryPlanner
{
    /// <summary>The productive band's lower end.</summary>
    public const double BandLow = 0.6;

    /// <summary>The productive band's upper end.</summary>
    public const double BandHigh = 0.8;

    /// <summary>The plan for a student among the options a class offers.</summary>
    /// <exception cref="ArgumentException">The class offers nothing.</exception>
    public static PracticePlan Next(StudentModel model, string student, IReadOnlyList<PracticeOption> options)
    {
        if (options.Count == 0)
        {
            throw new ArgumentException("the class offers no exercises", nameof(options));
        }

        var offered = OfferedSkills(model, options.Select(o => o.Template));
        var mastery = offered.Select(s => model.Mastery(student, s)).ToList();
        var open = mastery.Where(m => !m.Mastered).OrderBy(m => m.Mastery).ThenBy(m => m.SkillId, StringComparer.Ordinal).ToList();
        bool allMastered = open.Count == 0;
        var target = allMastered ? mastery.OrderBy(m => m.Mastery).ThenBy(m => m.SkillId, StringComparer.Ordinal).First() : open[0];

        var practising = options.Where(o => model.Map.SkillsOf(o.Template).Any(s => s.Id == target.SkillId))
            .Select(o => (Option: o, Chance: model.PredictRight(student, o.Template))).ToList();
        var fresh = practising.Where(p => !p.Option.Answered).ToList();
        var pool = fresh.Count > 0 ? fresh : practising;
        var (option, chance) = allMastered
            ? pool.OrderByDescending(p => p.Option.Template.Difficulty).ThenBy(p => p.Chance).First()
            : pool.OrderBy(p => Math.Abs(p.Chance - ((BandLow + BandHigh) / 2))).ThenBy(p => p.Option.Template.Difficulty).First();

        string reason = string.Create(CultureInfo.InvariantCulture,
            $"you are {chance * 100:F0}% likely to get a {option.Template.Words} right; it practises {target.Skill.ToLowerInvariant()}, ")
            + (allMastered
                ? string.Create(CultureInfo.InvariantCulture, $"and you have mastered every skill: keep the least practised one fresh (mastery {target.Mastery * 100:F0}%)")
                : string.Create(CultureInfo.InvariantCulture, $"your weakest skill (mastery {target.Mastery * 100:F0}%, mastered at {StudentModel.MasteryThreshold * 100:F0}%)"))
            + (fresh.Count == 0 ? "; you have answered every exercise of it, so redo one for practice (only a first answer is scored)" : "");
        return new PracticePlan(option.Template.Kind, option.Template.Difficulty, reason, option.ExerciseId, target.SkillId, Math.Round(chance, 3), "model", mastery);
    }

    /// <summary>The skills the templates practise, in the map's order.</summary>
    public static IReadOnlyList<Skill> OfferedSkills(StudentModel model, IEnumerable<PracticeTemplate> templates)
    {
        var ids = templates.SelectMany(model.Map.SkillsOf).Select(s => s.Id).ToHashSet();
        return model.Map.Skills.Where(s => ids.Contains(s.Id)).ToList();
    }
}
