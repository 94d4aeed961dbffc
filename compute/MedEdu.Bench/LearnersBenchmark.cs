using System.Diagnostics;
using System.Globalization;
using MedEdu.Compute.Tutoring;

namespace MedEdu.Bench;

/// <summary>
/// The knowledge-tracing model on seeded simulated students (<see cref="LearnerSimulation"/>): the
/// next-answer AUC of the model beside a per-student-average and the rule's implied prediction, and
/// the exercises each planner needs to bring students to mastery, as a ratio of the model's planner
/// against today's rule on the same seeds.
/// </summary>
internal static class LearnersBenchmark
{
    public static int Run(int students, int classSize, int[] seeds)
    {
        Console.WriteLine($"{students} simulated students per planner and seed, classes of {classSize}, seeds {string.Join(',', seeds)}; a right answer scores 60+");
        var table = new Table("seed", "planner", "mastered", "exercises to mastery", "answers", "model AUC", "student-average AUC", "rule AUC", "exercises / rule's");
        foreach (int seed in seeds)
        {
            var watch = Stopwatch.StartNew();
            var runs = LearnerSimulation.Run(new LearnerSimulationOptions(students, classSize, seed));
            var rule = runs.Single(r => r.Planner == "rule");
            foreach (var r in runs)
            {
                table.Add(seed.ToString(CultureInfo.InvariantCulture), r.Planner, $"{r.Mastered}/{r.Students}", F(r.MeanExercises, "F1"), r.Answers.ToString("N0", CultureInfo.InvariantCulture),
                    F(r.ModelAuc, "F3"), F(r.StudentAverageAuc, "F3"), F(r.RuleAuc, "F3"), F(r.MeanExercises / rule.MeanExercises, "F2") + "x");
            }

            Console.Error.WriteLine($"seed {seed}: {watch.Elapsed.TotalSeconds:F1} s");
        }

        table.Print();
        return 0;
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
