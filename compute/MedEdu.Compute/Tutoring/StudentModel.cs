namespace MedEdu.Compute.Tutoring;

/// <summary>
/// A knowledge-tracing model of a class: per student and skill an ability, per exercise template a
/// difficulty, each a Gaussian on the logit scale, and the chance of a right answer (score 60 or
/// more) <c>σ(mean ability of the template's skills − difficulty)</c>. Each scored answer updates the
/// student's skills and the template together, by one step of a Kalman filter on the logistic
/// (Elo with uncertainty, as in Glicko): new students and templates move fast, well-known ones slowly,
/// and a little variance is added after each answer because students learn. Cold start: ability 0
/// and difficulty −1, 0, +1 for levels 1, 2, 3.
/// </summary>
/// <remarks>
/// Chosen over Bayesian Knowledge Tracing because a class has 20-200 students and a few hundred
/// answers: BKT fits four parameters per skill by EM and wants thousands, while this needs none fitted
/// offline, fits template difficulties from the class's own answers, and tells how sure it is. The
/// learners bench (<c>mededu-bench learners</c>) measures its next-answer AUC.
/// </remarks>
public sealed class StudentModel(SkillMap map)
{
    /// <summary>The prior variance of a student's ability in a skill.</summary>
    public const double AbilityPrior = 1.0;

    /// <summary>The prior variance of a template's difficulty around its level's default.</summary>
    public const double DifficultyPrior = 0.5;

    /// <summary>Variance added to each practised skill after an answer: students change as they practise.</summary>
    public const double Drift = 0.03;

    /// <summary>A template's difficulty never becomes surer than this (new compounds each time).</summary>
    public const double DifficultyFloor = 0.02;

    /// <summary>A score at least this is a right answer.</summary>
    public const double RightAnswer = 60;

    /// <summary>A skill is mastered when the chance of a right level-3 answer passes this.</summary>
    public const double MasteryThreshold = 0.8;

    private readonly Dictionary<(string Student, string Skill), Estimate> abilities = [];
    private readonly Dictionary<string, Estimate> difficulties = [];

    /// <summary>The skill map the model reads.</summary>
    public SkillMap Map => map;

    /// <summary>The default difficulty of a level (−1, 0, +1).</summary>
    public static double LevelDifficulty(int level) => Math.Clamp(level, 1, 3) - 2.0;

    /// <summary>A student's ability in a skill (the prior when they have not practised it).</summary>
    public Estimate Ability(string student, string skillId) =>
        abilities.GetValueOrDefault((student, skillId)) ?? new Estimate(0, AbilityPrior, 0);

    /// <summary>A template's fitted difficulty (its level's default before any answer).</summary>
    public Estimate Difficulty(PracticeTemplate template) =>
        difficulties.GetValueOrDefault(template.Key) ?? new Estimate(LevelDifficulty(template.Difficulty), DifficultyPrior, 0);

    /// <summary>Every stored ability, by student and skill.</summary>
    public IEnumerable<(string Student, string SkillId, Estimate Ability)> Abilities =>
        abilities.Select(a => (a.Key.Student, a.Key.Skill, a.Value));

    /// <summary>Every fitted template difficulty, by template key.</summary>
    public IReadOnlyDictionary<string, Estimate> Difficulties => difficulties;

    /// <summary>Sets an ability, as read back from storage.</summary>
    public void Restore(string student, string skillId, Estimate ability) => abilities[(student, skillId)] = ability;

    /// <summary>Sets a template's difficulty, as read back from storage.</summary>
    public void Restore(string templateKey, Estimate difficulty) => difficulties[templateKey] = difficulty;

    /// <summary>The chance that the student gets an exercise of this template right (score 60 or more).</summary>
    public double PredictRight(string student, PracticeTemplate template)
    {
        var skills = map.SkillsOf(template);
        double ability = skills.Average(s => Ability(student, s.Id).Mean);
        return Logistic(ability - Difficulty(template).Mean);
    }

    /// <summary>Learns from one scored answer (score 0-100).</summary>
    public void Observe(string student, PracticeTemplate template, double score)
    {
        var skills = map.SkillsOf(template);
        var own = skills.Select(s => Ability(student, s.Id)).ToList();
        var item = Difficulty(template);
        double k = skills.Count;
        double ability = own.Average(a => a.Mean);
        double abilityVariance = own.Sum(a => a.Variance) / (k * k);
        double p = Logistic(ability - item.Mean);
        double information = p * (1 - p);
        double gain = 1 / (1 + (information * (abilityVariance + item.Variance)));
        double surprise = (score >= RightAnswer ? 1 : 0) - p;

        for (int i = 0; i < skills.Count; i++)
        {
            var a = own[i];
            double share = a.Variance / k;
            abilities[(student, skills[i].Id)] = new Estimate(
                a.Mean + (share * surprise * gain),
                a.Variance - (share * share * information * gain) + Drift,
                a.Answers + 1);
        }

        difficulties[template.Key] = new Estimate(
            item.Mean - (item.Variance * surprise * gain),
            Math.Max(DifficultyFloor, item.Variance - (item.Variance * item.Variance * information * gain)),
            item.Answers + 1);
    }

    /// <summary>A student's mastery of a skill: the chance of a right level-3 answer, with its 90% interval.</summary>
    public SkillMastery Mastery(string student, Skill skill)
    {
        var a = Ability(student, skill.Id);
        double hardest = LevelDifficulty(3);
        double sd = Math.Sqrt(a.Variance);
        double mastery = Logistic(a.Mean - hardest);
        return new SkillMastery(skill.Id, skill.Name, Math.Round(mastery, 3), Math.Round(Logistic(a.Mean - (1.645 * sd) - hardest), 3),
            Math.Round(Logistic(a.Mean + (1.645 * sd) - hardest), 3), a.Answers, mastery >= MasteryThreshold);
    }

    /// <summary>The logistic function.</summary>
    public static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
