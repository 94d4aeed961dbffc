namespace MedEdu.Pipeline.Tutoring;

/// <summary>An instructor's choice of a student's next exercise: the request body.</summary>
public sealed class PracticeOverrideRequest
{
    /// <summary>The class's exercise the student should do next.</summary>
    public string? ExerciseId { get; set; }

    /// <summary>A note the student reads with it (at most 200 characters).</summary>
    public string? Note { get; set; }
}

/// <summary>A recorded override: what the instructor chose, over what the model suggested, who and when.</summary>
/// <param name="StudentId">The student's pseudonymous id.</param>
/// <param name="ExerciseId">The exercise chosen.</param>
/// <param name="Note">The note to the student.</param>
/// <param name="InstructorName">Who chose it.</param>
/// <param name="At">When.</param>
/// <param name="ModelSuggestion">What the model had suggested.</param>
public sealed record PracticeOverride(string StudentId, string ExerciseId, string Note, string InstructorName, DateTimeOffset At, string ModelSuggestion);
