using System.Globalization;
using MedEdu.Api.Localization;
using MedEdu.Compute.Exercises;
using MedEdu.Compute.Wording;
using MedEdu.Pipeline.Classes;
using Microsoft.Extensions.DependencyInjection;

namespace MedEdu.Functions.Tests;

/// <summary>
/// The API answers an exercise and its feedback in the request's language through the host's
/// string localizer over the exercise catalog, and answers an instructor's own words as written.
/// </summary>
public sealed class ExerciseLocalizerTests
{
    private static readonly ExerciseLocalizer Words =
        new ServiceCollection().AddLogging().AddLocalization().AddSingleton<ExerciseLocalizer>().BuildServiceProvider().GetRequiredService<ExerciseLocalizer>();

    private static readonly CandidateView Aspirin = new("c1", "aspirin", "CC(=O)Oc1ccccc1C(=O)O", 180.2, 1.31, 63.6, 1, 3, 2);

    [Theory]
    [InlineData("es", "Marca cada compuesto que incumple", "aspirin: cumple ambas reglas", "compuestos bien clasificados (marcados o no)")]
    [InlineData("ar", "ضع علامة على كل مركب يخالف", "aspirin: يجتاز القاعدتين", "المركبات المصنّفة صحيحًا (معلَّمة أو لا)")]
    [InlineData("en", "Flag every compound that breaks", "aspirin: passes both rules", "compounds classified correctly (flagged or not)")]
    public void An_exercise_and_its_feedback_read_in_the_culture_of_the_request(string language, string prompt, string explanation, string measure)
    {
        var exercise = Exercise.Worded("e01", ExerciseKind.RuleCheck, 1, Phrase.Of("Prompt.RuleCheck"), null, [Aspirin], 0);
        var feedback = ExerciseScorer.Score(exercise, new AnswerKey([], [], new Dictionary<string, CandidateFacts> { ["c1"] = new(null, null, null, true, null) }), []);
        var submission = new SubmissionResult("e01", 1, true, feedback.Score, null, feedback, []);

        var (exerciseIn, submissionIn) = InCulture(language, () => (Words.Localize(exercise), Words.Localize(submission)));

        Assert.StartsWith(prompt, exerciseIn.Prompt, StringComparison.Ordinal);
        Assert.Equal([explanation], submissionIn.Feedback.Explanations);
        Assert.Equal(measure, submissionIn.Feedback.Measure);
        Assert.Equal(100, submissionIn.Feedback.Score);
    }

    [Fact]
    public void An_instructors_own_prompt_and_feedback_stored_before_phrases_are_answered_as_written()
    {
        var exercise = ExerciseEditor.WithPrompt(Exercise.Worded("e01", ExerciseKind.RuleCheck, 1, Phrase.Of("Prompt.RuleCheck"), null, [Aspirin], 0), "Which of these would you dose orally?");
        var old = new ExerciseFeedback(50, null, "an old measure", [], [], ["an old line"]);

        var (exerciseIn, feedbackIn) = InCulture("es", () => (Words.Localize(exercise), Words.Localize(new SubmissionResult("e01", 1, true, 50, null, old, [])).Feedback));

        Assert.Equal("Which of these would you dose orally?", exerciseIn.Prompt);
        Assert.Null(exerciseIn.PromptPhrase);
        Assert.Equal("an old measure", feedbackIn.Measure);
        Assert.Equal(["an old line"], feedbackIn.Explanations);
    }

    private static T InCulture<T>(string language, Func<T> action)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
