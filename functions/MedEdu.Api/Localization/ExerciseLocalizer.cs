using MedEdu.Compute.Campaigns;
using MedEdu.Compute.Exercises;
using MedEdu.Compute.Wording;
using MedEdu.Pipeline.Classes;
using Microsoft.Extensions.Localization;

namespace MedEdu.Api.Localization;

/// <summary>
/// Puts what a student reads of an exercise into the request's language: prompts, labels,
/// feedback measures and explanations, a campaign's goal, reveals and lesson, from the catalog
/// words stored beside their English text (the exercise catalog, read through
/// <see cref="IStringLocalizer"/> in the current UI culture, which the student routes set from
/// <c>Accept-Language</c>). Text without catalog words (an instructor's own prompt, feedback
/// stored before phrases existed) is answered as it was written. The catalog words themselves
/// are dropped from the answer: the reader has the sentence, and a student's exercise names no
/// field a key could hide in.
/// </summary>
public sealed class ExerciseLocalizer(IStringLocalizer<ExerciseWords> catalog)
{
    private PhraseRenderer Words => new(key => catalog[key] is { ResourceNotFound: false } found ? found.Value : null);

    /// <summary>The exercise in the reader's words.</summary>
    public Exercise Localize(Exercise exercise)
    {
        var words = Words;
        return exercise with
        {
            Prompt = Render(words, exercise.PromptPhrase, exercise.Prompt),
            PromptPhrase = null,
            Label = exercise.Label is null ? null : Render(words, exercise.LabelPhrase, exercise.Label),
            LabelPhrase = null,
            Campaign = exercise.Campaign is { } brief ? Localize(words, brief) : null,
        };
    }

    /// <summary>The exercise list in the reader's words.</summary>
    public List<ExerciseSummary> Localize(IEnumerable<ExerciseSummary> exercises)
    {
        var words = Words;
        return [.. exercises.Select(e => e with { Prompt = Render(words, e.PromptPhrase, e.Prompt), PromptPhrase = null })];
    }

    /// <summary>A submission's feedback in the reader's words.</summary>
    public SubmissionResult Localize(SubmissionResult submission) => submission with { Feedback = Localize(Words, submission.Feedback) };

    /// <summary>Submissions' feedback in the reader's words.</summary>
    public List<SubmissionResult> Localize(IEnumerable<SubmissionResult> submissions)
    {
        var words = Words;
        return [.. submissions.Select(s => s with { Feedback = Localize(words, s.Feedback) })];
    }

    /// <summary>A campaign in the reader's words.</summary>
    public CampaignView Localize(CampaignView view)
    {
        var words = Words;
        return view with
        {
            Prompt = Render(words, view.PromptPhrase, view.Prompt),
            PromptPhrase = null,
            Brief = Localize(words, view.Brief),
            State = Localize(words, view.State),
        };
    }

    private static ExerciseFeedback Localize(PhraseRenderer words, ExerciseFeedback feedback) => feedback with
    {
        Measure = Render(words, feedback.MeasurePhrase, feedback.Measure),
        MeasurePhrase = null,
        Explanations = feedback.ExplanationPhrases is { } lines && lines.Count == feedback.Explanations.Count ? [.. lines.Select(words.Render)] : feedback.Explanations,
        ExplanationPhrases = null,
        Campaign = feedback.Campaign is { } round ? Localize(words, round) : null,
    };

    private static CampaignBrief Localize(PhraseRenderer words, CampaignBrief brief) => brief with { Target = Render(words, brief.TargetPhrase, brief.Target), TargetPhrase = null };

    private static CampaignRound Localize(PhraseRenderer words, CampaignRound round) => round with
    {
        Revealed = [.. round.Revealed.Select(r => r with { Text = Render(words, r.TextPhrase, r.Text), TextPhrase = null })],
        Lesson = round.Lesson is null ? null : Render(words, round.LessonPhrase, round.Lesson),
        LessonPhrase = null,
    };

    private static string Render(PhraseRenderer words, Phrase? phrase, string written) => phrase is null ? written : words.Render(phrase);
}
