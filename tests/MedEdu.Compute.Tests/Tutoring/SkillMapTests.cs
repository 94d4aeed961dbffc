using MedEdu.Compute.Exercises;
using MedEdu.Compute.Tutoring;

namespace MedEdu.Compute.Tests.Tutoring;

public sealed class SkillMapTests
{
    [Fact]
    public void Every_kind_and_level_practises_at_least_one_named_skill()
    {
        var map = SkillMap.Default;
        foreach (var kind in Enum.GetValues<ExerciseKind>())
        {
            for (int level = 1; level <= 3; level++)
            {
                Assert.NotEmpty(map.SkillsOf(new PracticeTemplate(kind, level)));
            }
        }

        Assert.Equal("alerts", Assert.Single(map.SkillsOf(new PracticeTemplate(ExerciseKind.RuleCheck, 2, "pains"))).Id);
        Assert.Equal("druglikeness", Assert.Single(map.SkillsOf(new PracticeTemplate(ExerciseKind.RuleCheck, 2))).Id);
        Assert.Equal(["sar", "similarity"], map.SkillsOf(new PracticeTemplate(ExerciseKind.ActivityCliff, 3)).Select(s => s.Id));
        Assert.Equal(["similarity", "solubility", "permeability", "druglikeness", "alerts", "sar", "design"], map.Skills.Select(s => s.Id));
    }

    [Fact]
    public void A_bad_line_is_refused_with_its_number()
    {
        var e = Assert.Throws<FormatException>(() => SkillMap.Parse("a\tA\n", "# header\nSimilarityHunt\t*\t1-3\tb\n"));
        Assert.Contains("practice line 2", e.Message);
        Assert.Contains("no skill 'b'", e.Message);
        Assert.Contains("not a range", Assert.Throws<FormatException>(() => SkillMap.Parse("a\tA\n", "SimilarityHunt\t*\t0-4\ta\n")).Message);
        Assert.Contains("known kind", Assert.Throws<FormatException>(() => SkillMap.Parse("a\tA\n", "Crossword\t*\t1\ta\n")).Message);
    }
}
