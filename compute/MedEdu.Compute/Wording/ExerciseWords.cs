namespace MedEdu.Compute.Wording;

/// <summary>
/// Names the exercise catalog: <c>ExerciseWords.resx</c> beside this class (English) with its
/// Spanish and Arabic translations, for <see cref="PhraseRenderer"/> and for a host's string
/// localizer (<c>IStringLocalizer&lt;ExerciseWords&gt;</c>).
/// </summary>
public sealed class ExerciseWords
{
    /// <summary>The resources' base name.</summary>
    public const string BaseName = "MedEdu.Compute.Wording.ExerciseWords";

    private ExerciseWords()
    {
    }
}
