using MedEdu.Compute.Exercises;
using MedEdu.Compute.Tutoring;

namespace MedEdu.Compute.Tests.Tutoring;

public sealed class StudentModelTests
{
    private static readonly PracticeTemplate Hunt1 = new(ExerciseKind.SimilarityHunt, 1);

    [Fact]
    public void Cold_start_expects_easier_levels_to_go_better()
    {
        var model = new StudentModel(SkillMap.Default);
        double one = model.PredictRight("s", Hunt1);
        double three = model.PredictRight("s", Hunt1 with { Difficulty = 3 });
        Assert.Equal(StudentModel.Logistic(1), one, 6);
        Assert.True(three < 0.5 && one > 0.5);
        var m = model.Mastery("s", SkillMap.Default["similarity"]);
        Assert.Equal(0, m.Answers);
        Assert.False(m.Mastered);
        Assert.True(m.Low < m.Mastery && m.Mastery < m.High);
    }

    [Fact]
    public void A_right_answer_raises_the_ability_and_lowers_the_difficulty_and_uncertainty_shrinks()
    {
        var model = new StudentModel(SkillMap.Default);
        var prior = model.Ability("s", "similarity");
        model.Observe("s", Hunt1, 90);
        var after = model.Ability("s", "similarity");
        Assert.True(after.Mean > prior.Mean);
        Assert.True(after.Variance < prior.Variance);
        Assert.True(model.Difficulty(Hunt1).Mean < StudentModel.LevelDifficulty(1));
        Assert.Equal(1, after.Answers);

        model.Observe("t", Hunt1, 20);
        Assert.True(model.Ability("t", "similarity").Mean < 0);
        Assert.Equal(0, model.Ability("s", "solubility").Answers); // other skills untouched
    }

    [Fact]
    public void A_template_of_two_skills_moves_both()
    {
        var model = new StudentModel(SkillMap.Default);
        model.Observe("s", new PracticeTemplate(ExerciseKind.ActivityCliff, 2), 100);
        Assert.True(model.Ability("s", "sar").Mean > 0);
        Assert.True(model.Ability("s", "similarity").Mean > 0);
    }

    [Fact]
    public void The_planner_takes_the_weakest_skill_in_the_productive_band_and_an_unanswered_exercise()
    {
        var model = new StudentModel(SkillMap.Default);
        for (int i = 0; i < 6; i++)
        {
            model.Observe("s", new PracticeTemplate(ExerciseKind.SimilarityHunt, 2), 95);
            model.Observe("s", new PracticeTemplate(ExerciseKind.PropertyRanking, 1), 30);
        }

        var options = new List<PracticeOption>
        {
            new(new PracticeTemplate(ExerciseKind.SimilarityHunt, 3), "h3"),
            new(new PracticeTemplate(ExerciseKind.PropertyRanking, 1), "r1", Answered: true),
            new(new PracticeTemplate(ExerciseKind.PropertyRanking, 1), "r1b"),
            new(new PracticeTemplate(ExerciseKind.PropertyRanking, 3), "r3"),
        };
        var plan = MasteryPlanner.Next(model, "s", options);
        Assert.Equal("solubility", plan.SkillId);
        Assert.Equal("r1b", plan.ExerciseId);
        Assert.Equal(["similarity", "solubility"], plan.Mastery.Select(m => m.SkillId));
        Assert.Contains($"{plan.Chance * 100:F0}% likely to get a property ranking at level 1 right", plan.Reason);
        Assert.Contains("your weakest skill", plan.Reason);
    }

    [Fact]
    public void A_student_is_flagged_from_two_low_answers_before_any_score_falls()
    {
        var model = new StudentModel(SkillMap.Default);
        var exercises = new Dictionary<string, PracticeTemplate>
        {
            ["a"] = new(ExerciseKind.RuleCheck, 1),
            ["b"] = new(ExerciseKind.RuleCheck, 2),
            ["c"] = new(ExerciseKind.RuleCheck, 3),
        };
        model.Observe("weak", exercises["a"], 10);
        model.Observe("weak", exercises["b"], 20);
        model.Observe("fine", exercises["a"], 90);
        model.Observe("fine", exercises["b"], 85);
        var names = new Dictionary<string, string> { ["weak"] = "W", ["fine"] = "F" };
        var answered = new Dictionary<string, IReadOnlySet<string>> { ["weak"] = new HashSet<string> { "a", "b" }, ["fine"] = new HashSet<string> { "a", "b" } };
        var flag = Assert.Single(ClassMastery.AtRisk(model, names, exercises, answered));
        Assert.Equal("W", flag.DisplayName);
        Assert.Equal(["Drug-likeness rules"], flag.Skills);
        Assert.Contains("on the 1 exercise left", flag.Reason);
        Assert.Equal(2, ClassMastery.HeatMap(model, names, [.. exercises.Values]).Count);
    }

    [Fact]
    public void On_simulated_students_the_model_predicts_the_next_answer_and_its_planner_reaches_mastery_sooner()
    {
        // The bench's claim at a smaller size (mededu-bench learners prints the full figures).
        var runs = LearnerSimulation.Run(new LearnerSimulationOptions(Students: 60, ClassSize: 30, Seed: 4));
        var rule = runs.Single(r => r.Planner == "rule");
        var model = runs.Single(r => r.Planner == "model");
        Assert.True(rule.ModelAuc >= 0.75, $"AUC {rule.ModelAuc}");
        Assert.True(rule.ModelAuc > rule.StudentAverageAuc, $"{rule.ModelAuc} vs {rule.StudentAverageAuc}");
        Assert.True(model.MeanExercises <= 0.75 * rule.MeanExercises, $"{model.MeanExercises} vs {rule.MeanExercises}");
        Assert.True(model.Mastered >= 57 && model.Mastered > rule.Mastered, $"{model.Mastered} vs {rule.Mastered} of 60 mastered");
    }

    [Fact]
    public void The_auc_is_the_chance_a_right_answer_is_ranked_above_a_wrong_one()
    {
        Assert.Equal(1.0, LearnerSimulation.Auc([(true, 0.9), (false, 0.1), (true, 0.8), (false, 0.3)]));
        Assert.Equal(0.75, LearnerSimulation.Auc([(true, 0.9), (false, 0.5), (true, 0.4), (false, 0.1)]));
    }
}
