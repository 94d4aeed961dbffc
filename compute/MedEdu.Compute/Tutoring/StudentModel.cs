namespace MedEdu.Compute.Tutoring;

/// <summary>
/// A knowledge-tracing model of a class: per student a general ability and per student and skill an
/// ability, per exercise template a difficulty, each a Gaussian on the logit scale, and the chance of
/// a right answer (score 60 or more) <c>σ(general + mean ability of the template's skills − difficulty)</c>.
/// The general part carries what one skill's answers say about another (a student who struggles with
/// similarity is expected to struggle with a first rule check too). Each scored answer updates the
/// student's general ability, their skills and the template together, by one step of a Kalman filter on the logistic
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
    public const double AbilityPrior = 0.7;

    /// <summary>The prior variance of a student's general ability (shared by every skill).</summary>
    public const double GeneralPrior = 0.4;

    /// <summary>The skill id under which a student's general ability is stored.</summary>
    public const string General = "*";

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
        abilities.GetValueOrDefault((student, skillId)) ?? new Estimate(0, skillId == General ? GeneralPrior : AbilityPrior, 0);

    /// <summary>A template's fitted difficulty (its level's default before any answer).</summary>
    public Estimate Difficulty(PracticeTemplate template) =>
        difficulties.GetValueOrDefault(template.Key) ?? new Estimate(LevelDifficulty(template.Difficulty), DifficultyPrior, 0);

    /// <summary>Every stored ability, by student and skill (skill <see cref="General"/>: the general ability).</summary>
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
        double ability = Ability(student, General).Mean + skills.Average(s => Ability(student, s.Id).Mean);
        return Logistic(ability - Difficulty(template).Mean);
    }

    /// <summary>Learns from one scored answer (score 0-100).</summary>
    public void Observe(string student, PracticeTemplate template, double score)
    {
        var skills = map.SkillsOf(template);
        var own = skills.Select(s => Ability(student, s.Id)).ToList();
        var general = Ability(student, General);
        var item = Difficulty(template);
        double k = skills.Count;
        double ability = general.Mean + own.Average(a => a.Mean);
        double abilityVariance = general.Variance + (own.Sum(a => a.Variance) / (k * k));
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

        abilities[(student, General)] = new Estimate(
            general.Mean + (general.Variance * surprise * gain),
            general.Variance - (general.Variance * general.Variance * information * gain) + (Drift / 3),
            general.Answers + 1);

        difficulties[template.Key] = new Estimate(
            item.Mean - (item.Variance * surprise * gain),
            Math.Max(DifficultyFloor, item.Variance - (item.Variance * item.Variance * information * gain)),
            item.Answers + 1);
    }

    /// <summary>A student's mastery of a skill: the chance of a right level-3 answer, with its 90% interval.</summary>
    public SkillMastery Mastery(string student, Skill skill)
    {
        var a = Ability(student, skill.Id);
        var general = Ability(student, General);
        double mean = general.Mean + a.Mean - LevelDifficulty(3);
        double sd = Math.Sqrt(a.Variance + general.Variance);
        double mastery = Logistic(mean);
        return new SkillMastery(skill.Id, skill.Name, Math.Round(mastery, 3), Math.Round(Logistic(mean - (1.645 * sd)), 3),
            Math.Round(Logistic(mean + (1.645 * sd)), 3), a.Answers, mastery >= MasteryThreshold);
    }

    /// <summary>The logistic function.</summary>
    public static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
