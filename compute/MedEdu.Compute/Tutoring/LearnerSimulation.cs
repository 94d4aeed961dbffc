using MedEdu.Compute.Exercises;
using Microsoft.ML;

namespace MedEdu.Compute.Tutoring;

/// <summary>The simulation's settings.</summary>
/// <param name="Students">Simulated students per planner.</param>
/// <param name="ClassSize">Students per class (one student model per class, as in a real class).</param>
/// <param name="Seed">The seed: the same seed gives the same students, templates and answers.</param>
/// <param name="MaxExercises">A student who has not mastered every skill after this many stops.</param>
/// <param name="LearningRate">The most ability (logits) one exercise adds, at a 50% chance of success.</param>
public sealed record LearnerSimulationOptions(int Students = 200, int ClassSize = 50, int Seed = 1, int MaxExercises = 400, double LearningRate = 0.25);

/// <summary>One planner's run: how fast its students reached mastery and how well each predictor told right answers from wrong ones.</summary>
/// <param name="Planner">The planner: <c>rule</c> (today's <see cref="PracticePlanner"/>) or <c>model</c> (<see cref="MasteryPlanner"/>).</param>
/// <param name="Students">Students simulated.</param>
/// <param name="Mastered">Students who mastered every skill within the cap.</param>
/// <param name="MeanExercises">Mean exercises to mastery (the cap for those who did not get there).</param>
/// <param name="Answers">Answers predicted (each before the model saw it).</param>
/// <param name="ModelAuc">Next-answer AUC of the student model.</param>
/// <param name="StudentAverageAuc">AUC of the student's average score so far.</param>
/// <param name="RuleAuc">AUC of the rule's implied prediction: the student's average in the kind (their overall average before they try it).</param>
public sealed record PlannerRun(string Planner, int Students, int Mastered, double MeanExercises, int Answers, double ModelAuc, double StudentAverageAuc, double RuleAuc);

/// <summary>
/// Seeded simulated students with hidden skill levels who learn with practice, answering exercises of
/// the real kinds and levels. Truth: a student's hidden ability per skill starts at their general ability, N(−0.8, 0.5²), plus N(0, 0.5²) of their own for the skill; each
/// template (kind, level) has a hidden difficulty, its level's default plus N(0, 0.3²); an answer is
/// right with chance <c>p = σ(mean hidden ability of the template's skills − hidden difficulty)</c>,
/// and scores 60-100 when right, 0-60 when wrong (uniform). The learning curve: each answer adds
/// <c>LearningRate · 4p(1 − p) + 0.02</c> to each practised skill, so practice is worth most at a 50/50
/// chance and little when it is trivial or hopeless. A student has mastered a skill when their hidden
/// chance at level 3 (difficulty +1) reaches 80%. Each answer is predicted before the model learns
/// from it, so every AUC is on answers the model has not seen.
/// </summary>
public static class LearnerSimulation
{
    /// <summary>Runs both planners on the same seeds.</summary>
    public static IReadOnlyList<PlannerRun> Run(LearnerSimulationOptions options) =>
        [Run(options, "rule"), Run(options, "model")];

    /// <summary>Runs one planner (<c>rule</c> or <c>model</c>).</summary>
    public static PlannerRun Run(LearnerSimulationOptions options, string planner)
    {
        var map = SkillMap.Default;
        var templates = Enum.GetValues<ExerciseKind>().SelectMany(k => Enumerable.Range(1, 3).Select(l => new PracticeTemplate(k, l))).ToList();
        var options0 = templates.Select(t => new PracticeOption(t)).ToList();
        var skills = MasteryPlanner.OfferedSkills(new StudentModel(map), templates);
        var truthRandom = new Random(options.Seed);
        var hiddenDifficulty = templates.ToDictionary(t => t.Key, t => StudentModel.LevelDifficulty(t.Difficulty) + (0.3 * Normal(truthRandom)));
        var offeredKinds = templates.Select(t => t.Kind).ToHashSet();

        var points = new List<(bool Right, double Model, double Average, double Rule)>();
        var exercisesToMastery = new List<int>();
        int mastered = 0;
        for (int first = 0; first < options.Students; first += options.ClassSize)
        {
            var model = new StudentModel(map);
            var students = Enumerable.Range(first, Math.Min(options.ClassSize, options.Students - first)).Select(i =>
            {
                var r = new Random(HashCode.Combine(options.Seed, i));
                double general = -0.8 + (0.5 * Normal(r));
                return new Learner($"s{i}", skills.ToDictionary(s => s.Id, _ => general + (0.5 * Normal(r))), r);
            }).ToList();

            // Round robin, as a class works: the shared template difficulties learn from everyone.
            while (students.Any(s => !s.Done))
            {
                foreach (var s in students.Where(s => !s.Done))
                {
                    var template = planner == "model"
                        ? Template(MasteryPlanner.Next(model, s.Id, options0))
                        : Template(PracticePlanner.Next(s.History, offeredKinds));
                    double chance = StudentModel.Logistic(map.SkillsOf(template).Average(k => s.Ability[k.Id]) - hiddenDifficulty[template.Key]);
                    bool right = s.Random.NextDouble() < chance;
                    double score = right ? 60 + (40 * s.Random.NextDouble()) : 60 * s.Random.NextDouble();

                    points.Add((right, model.PredictRight(s.Id, template), s.History.Count == 0 ? 50 : s.History.Average(a => a.Score), RuleGuess(s.History, template.Kind)));
                    model.Observe(s.Id, template, score);
                    s.History.Add(new Attempt(template.Kind, template.Difficulty, score));
                    foreach (var k in map.SkillsOf(template))
                    {
                        s.Ability[k.Id] += (options.LearningRate * 4 * chance * (1 - chance)) + 0.02;
                    }

                    bool all = skills.All(k => StudentModel.Logistic(s.Ability[k.Id] - StudentModel.LevelDifficulty(3)) >= StudentModel.MasteryThreshold);
                    if (all || s.History.Count >= options.MaxExercises)
                    {
                        s.Done = true;
                        mastered += all ? 1 : 0;
                        exercisesToMastery.Add(s.History.Count);
                    }
                }
            }
        }

        return new PlannerRun(planner, options.Students, mastered, Math.Round(exercisesToMastery.Average(), 1), points.Count,
            Auc(points.Select(p => (p.Right, p.Model))), Auc(points.Select(p => (p.Right, p.Average))), Auc(points.Select(p => (p.Right, p.Rule))));
    }

    /// <summary>The area under the ROC curve of a predictor, by ML.NET's evaluator.</summary>
    public static double Auc(IEnumerable<(bool Right, double Prediction)> points)
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(points.Select(p => new ScoredPoint { Label = p.Right, Score = (float)p.Prediction, PredictedLabel = p.Prediction >= 0.5 }));
        return Math.Round(ml.BinaryClassification.EvaluateNonCalibrated(data).AreaUnderRocCurve, 4);
    }

    private static PracticeTemplate Template(PracticePlan plan) => new(plan.Kind, plan.Difficulty);

    private static PracticeTemplate Template(PracticeSuggestion suggestion) => new(suggestion.Kind, suggestion.Difficulty);

    private static double RuleGuess(List<Attempt> history, ExerciseKind kind)
    {
        var same = history.Where(a => a.Kind == kind).ToList();
        return same.Count > 0 ? same.Average(a => a.Score) : history.Count > 0 ? history.Average(a => a.Score) : 50;
    }

    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    private sealed class Learner(string id, Dictionary<string, double> ability, Random random)
    {
        public string Id { get; } = id;

        public Dictionary<string, double> Ability { get; } = ability;

        public Random Random { get; } = random;

        public List<Attempt> History { get; } = [];

        public bool Done { get; set; }
    }

    private sealed class ScoredPoint
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
