using MedEdu.Compute.Chemistry.Alerts;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Exercises;

namespace MedEdu.Compute.Tests.Exercises;

/// <summary>The PAINS variant of the rule check, on BBBP's real compounds.</summary>
public sealed class PainsCheckTests
{
    [Trait("Category", "Slow")]
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void The_compounds_to_flag_are_exactly_those_with_a_pains_alert_and_the_feedback_names_it(int level)
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.RuleCheck, ExercisePools.Bbbp, seed: 4, level, ExercisePools.Bbb, RuleSet.Pains);
        Assert.Equal("pains", exercise.Rules);
        Assert.Equal(6 + (2 * level), exercise.Candidates.Count);
        Assert.Contains("PAINS", exercise.Prompt);
        foreach (var c in exercise.Candidates)
        {
            var alerts = AlertCatalog.Find(SmilesParser.Parse(c.Smiles), [AlertFamily.Pains]);
            Assert.Equal(alerts.Count > 0, key.Truth.Contains(c.Id));
        }

        Assert.True(key.Truth.Count >= 2);
        Assert.Equal(100, ExerciseScorer.Score(exercise, key, key.Truth).Score);
        var none = ExerciseScorer.Score(exercise, key, []);
        Assert.Contains(none.Explanations, e => e.Contains(": PAINS ") && e.Contains('('));
        Assert.Contains(none.Explanations, e => e.EndsWith(": no PAINS alert"));
        Assert.DoesNotContain(none.Explanations, e => e.Contains("Lipinski") || e.Contains("passes both rules"));
    }

    [Fact]
    public void The_rule_set_names_parse()
    {
        Assert.Equal(RuleSet.DrugLikeness, RuleSetNames.Parse(null));
        Assert.Equal(RuleSet.DrugLikeness, RuleSetNames.Parse("druglike"));
        Assert.Equal(RuleSet.Pains, RuleSetNames.Parse(" PAINS "));
        Assert.Null(RuleSetNames.Parse("brenk"));
    }
}
