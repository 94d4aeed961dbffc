using System.Globalization;

namespace MedEdu.Compute.Tutoring;

/// <summary>A student's mastery of one skill, as an instructor's heat map shows it.</summary>
/// <param name="StudentId">The student's pseudonymous id (for an override).</param>
/// <param name="DisplayName">The student's display name.</param>
/// <param name="SkillId">The skill's id.</param>
/// <param name="Skill">The skill's name.</param>
/// <param name="Mastery">The chance of a right level-3 answer, 0-1.</param>
/// <param name="Low">The 90% interval's lower end.</param>
/// <param name="High">Its upper end.</param>
/// <param name="Answers">The scored answers behind it.</param>
public sealed record StudentSkillMastery(string StudentId, string DisplayName, string SkillId, string Skill, double Mastery, double Low, double High, int Answers);

/// <summary>A student the model expects to struggle with what is left, before their scores fall, and the skills behind it.</summary>
/// <param name="StudentId">The student's pseudonymous id (for an override).</param>
/// <param name="DisplayName">The student's display name.</param>
/// <param name="PredictedRight">The model's mean chance of a right answer on the class's exercises they have not answered (all of them once every one is answered).</param>
/// <param name="Answers">The student's scored answers.</param>
/// <param name="Skills">The skills behind the flag: those of the exercises left where they lag a starting student, and the practised ones whose mastery lags.</param>
/// <param name="Reason">The flag in words.</param>
public sealed record AtRiskStudent(string StudentId, string DisplayName, double PredictedRight, int Answers, IReadOnlyList<string> Skills, string Reason);

/// <summary>The student model's view of a class for its instructors: mastery per student and skill, and early warnings.</summary>
public static class ClassMastery
{
    /// <summary>A student is flagged when their predicted chance on what is left falls below this.</summary>
    public const double AtRiskBelow = 0.5;

    /// <summary>A student this far (0-1) below a starting student's chance is flagged even when above <see cref="AtRiskBelow"/>.</summary>
    public const double BelowStart = 0.1;

    /// <summary>An id no student has: the model's view of a student starting out.</summary>
    private const string NewStudent = "\u0000new";

    /// <summary>Answers a student needs before the model may flag them.</summary>
    public const int AnswersBeforeFlag = 2;

    /// <summary>Mastery of every offered skill for every student, by name then the map's skill order.</summary>
    public static List<StudentSkillMastery> HeatMap(StudentModel model, IReadOnlyDictionary<string, string> names, IReadOnlyList<PracticeTemplate> offered)
    {
        var skills = MasteryPlanner.OfferedSkills(model, offered);
        return names.OrderBy(n => n.Value, StringComparer.Ordinal).ThenBy(n => n.Key, StringComparer.Ordinal)
            .SelectMany(n => skills.Select(s => (Id: n.Key, Name: n.Value, M: model.Mastery(n.Key, s))))
            .Select(x => new StudentSkillMastery(x.Id, x.Name, x.M.SkillId, x.M.Skill, x.M.Mastery, x.M.Low, x.M.High, x.M.Answers)).ToList();
    }

    /// <summary>
    /// The students with at least <see cref="AnswersBeforeFlag"/> scored answers whose predicted
    /// chance on the exercises left is below <see cref="AtRiskBelow"/> and a starting student's, or at
    /// least <see cref="BelowStart"/> below a starting student's, most at risk first.
    /// </summary>
    /// <param name="model">The class's model.</param>
    /// <param name="names">Display names by student id.</param>
    /// <param name="exercises">The class's exercises: id and template.</param>
    /// <param name="answered">The exercise ids each student has a scored answer for.</param>
    public static List<AtRiskStudent> AtRisk(StudentModel model, IReadOnlyDictionary<string, string> names,
        IReadOnlyDictionary<string, PracticeTemplate> exercises, IReadOnlyDictionary<string, IReadOnlySet<string>> answered)
    {
        var flagged = new List<AtRiskStudent>();
        foreach (var (student, name) in names)
        {
            var done = answered.GetValueOrDefault(student) ?? new HashSet<string>();
            if (done.Count < AnswersBeforeFlag || exercises.Count == 0)
            {
                continue;
            }

            var left = exercises.Where(e => !done.Contains(e.Key)).Select(e => e.Value).ToList();
            bool allDone = left.Count == 0;
            if (allDone)
            {
                left = [.. exercises.Values];
            }

            var chances = left.Select(t => (Template: t, Chance: model.PredictRight(student, t))).ToList();
            double mean = chances.Average(c => c.Chance);

            // Measured against a student at the starting ability (an id the model has never seen): a
            // hard exercise left is no warning by itself, and a clear lag behind the start is one even
            // on an easy exercise.
            double starting = left.Average(t => model.PredictRight(NewStudent, t));
            bool failing = mean < AtRiskBelow && mean < starting;
            if (!failing && mean > starting - BelowStart)
            {
                continue;
            }

            // Behind the flag: the skills of the exercises left where they lag a starting student, and
            // the skills they have practised whose mastery lags a starting student's.
            var lagging = chances.Where(c => c.Chance < AtRiskBelow || c.Chance < model.PredictRight(NewStudent, c.Template) - (BelowStart / 2))
                .SelectMany(c => model.Map.SkillsOf(c.Template));
            var weak = model.Map.Skills.Where(k => model.Ability(student, k.Id).Answers > 0
                && model.Mastery(student, k).Mastery < model.Mastery(NewStudent, k).Mastery - BelowStart);
            var skills = model.Map.Skills.Intersect(lagging.Concat(weak)).Select(k => k.Name).ToList();
            string reason = string.Create(CultureInfo.InvariantCulture,
                $"predicted {mean * 100:F0}% chance of a right answer on the {left.Count} exercise{(left.Count == 1 ? "" : "s")} {(allDone ? "of the class" : "left")} (a student starting out: {starting * 100:F0}%); weakest in {string.Join(", ", skills.Select(s => s.ToLowerInvariant()))}");
            flagged.Add(new AtRiskStudent(student, name, Math.Round(mean, 3), done.Count, skills, reason));
        }

        return flagged.OrderBy(f => f.PredictedRight).ThenBy(f => f.DisplayName, StringComparer.Ordinal).ToList();
    }
}
