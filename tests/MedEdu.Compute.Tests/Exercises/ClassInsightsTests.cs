using MedEdu.Compute.Exercises;

namespace MedEdu.Compute.Tests.Exercises;

/// <summary>Class insights on hand-made exercises and attempts, every figure computed by hand.</summary>
public sealed class ClassInsightsTests
{
    private static CandidateView View(string id) => new(id, id.ToUpperInvariant(), "C", 0, 0, 0, 0, 0, 0);

    private static readonly DateTimeOffset Day1 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Scores_misjudged_compounds_falling_students_and_progress_are_what_the_attempts_say()
    {
        var ranking = new Exercise("e01", ExerciseKind.PropertyRanking, 1, "order", null, new[] { "a", "b", "c", "d", "e" }.Select(View).ToList(), 0);
        var rankingKey = new AnswerKey(["a", "b", "c", "d", "e"], ["a", "c", "b", "d", "e"], new Dictionary<string, CandidateFacts>());
        var check = new Exercise("e02", ExerciseKind.RuleCheck, 1, "flag", null, new[] { "x", "y", "z" }.Select(View).ToList(), 0);
        var checkKey = new AnswerKey(["x"], [], new Dictionary<string, CandidateFacts>());
        var exercises = new Dictionary<string, (Exercise, AnswerKey, double?)> { ["e01"] = (ranking, rankingKey, 90.0), ["e02"] = (check, checkKey, null) };
        var attempts = new List<ScoredAttempt>
        {
            new("s1", "e01", ["a", "b", "c", "d", "e"], 100, Day1),
            new("s2", "e01", ["c", "b", "a", "d", "e"], 40, Day1), // c and a each two ranks off
            new("s1", "e02", ["x"], 100, Day1.AddDays(1)),
            new("s2", "e02", ["y"], 33.3, Day1.AddDays(1)), // y flagged wrongly, x missed
            new("s3", "e01", ["a", "b", "c", "d", "e"], 90, Day1),
            new("s3", "e02", ["x"], 90, Day1.AddHours(1)),
            new("s3", "e01", ["e", "d", "c", "b", "a"], 50, Day1.AddDays(1)),
            new("s3", "e02", ["y", "z"], 40, Day1.AddDays(1).AddHours(1)),
        };
        var names = new Dictionary<string, string> { ["s1"] = "Ada", ["s2"] = "Bo", ["s3"] = "Cy" };

        var report = ClassInsights.Build(exercises, attempts, names);

        Assert.Equal(3, report.Students);
        Assert.Equal(8, report.Attempts);
        var ranking1 = report.ByKindAndLevel.Single(k => k.Kind == "PropertyRanking");
        Assert.Equal(4, ranking1.Attempts);
        Assert.Equal(70, ranking1.Mean); // (100 + 40 + 90 + 50) / 4
        Assert.Equal(25.5, ranking1.Spread); // population SD of 100, 40, 90, 50: sqrt((900 + 900 + 400 + 400) / 4) = 25.50
        Assert.Equal((40.0, 100.0), (ranking1.Min, ranking1.Max));
        Assert.Equal(90, ranking1.ModelMean);
        Assert.Null(report.ByKindAndLevel.Single(k => k.Kind == "RuleCheck").ModelMean);

        // x: missed by Bo and Cy (2 of 4); a: two ranks off for Bo, four for Cy (2 of 4); the model swapped b and c, one rank: no misjudgement.
        var x = report.Misjudged.Single(m => m.CompoundId == "x");
        Assert.Equal((2, 4, false), (x.Misjudged, x.SeenBy, x.ModelMisjudged));
        var a = report.Misjudged.Single(m => m.CompoundId == "a" && m.ExerciseId == "e01");
        Assert.Equal((2, 4, false, "A"), (a.Misjudged, a.SeenBy, a.ModelMisjudged, a.Name));
        Assert.Equal(1, report.Misjudged.Single(m => m.CompoundId == "b").Misjudged); // only in Cy's reversed order
        Assert.All(report.Misjudged.Where(m => m.ExerciseId == "e01"), m => Assert.False(m.ModelMisjudged));

        // Cy: 90, 90, then 50, 40: recent mean 45 is 45 points under the earlier 90.
        var cy = Assert.Single(report.Falling);
        Assert.Equal(("Cy", 90.0, 45.0, 4), (cy.DisplayName, cy.EarlierMean, cy.RecentMean, cy.Attempts));

        Assert.Equal([new ProgressPoint(new DateOnly(2026, 11, 2), 4, 80), new ProgressPoint(new DateOnly(2026, 11, 3), 4, 55.8)], report.Progress);

        string csv = ClassInsightsCsv.Write(report);
        Assert.StartsWith("kind,difficulty,attempts,mean,spread,min,max,model_mean\nPropertyRanking,1,4,70,25.5,40,100,90\n", csv);
        Assert.Contains("\ndisplay_name,earlier_mean,recent_mean,attempts\nCy,90,45,4\n", csv);
        Assert.Contains("\nday,attempts,mean\n2026-11-02,4,80\n2026-11-03,4,55.8\n\n", csv);

        // The student model's tables follow, filled in by the service (empty here).
        Assert.EndsWith("\ndisplay_name,skill_id,skill,mastery,low,high,answers\n\ndisplay_name,predicted_right,answers,skills\n", csv);
        var withModel = report with
        {
            Mastery = [new MedEdu.Compute.Tutoring.StudentSkillMastery("s1", "Cy", "sar", "SAR, cliffs", 0.25, 0.1, 0.5, 4)],
            AtRisk = [new MedEdu.Compute.Tutoring.AtRiskStudent("s1", "Cy", 0.3, 4, ["SAR, cliffs"], "r")],
        };
        Assert.EndsWith("\nCy,sar,\"SAR, cliffs\",0.25,0.1,0.5,4\n\ndisplay_name,predicted_right,answers,skills\nCy,0.3,4,\"SAR, cliffs\"\n", ClassInsightsCsv.Write(withModel));
    }
}
