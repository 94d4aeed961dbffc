namespace MedEdu.Compute.Tutoring;

/// <summary>An exercise a class offers a student, and whether they have answered it already.</summary>
/// <param name="Template">What it practises.</param>
/// <param name="ExerciseId">The exercise's id (null in a simulation, where every template is endless).</param>
/// <param name="Answered">True when the student's scored answer is in.</param>
public sealed record PracticeOption(PracticeTemplate Template, string? ExerciseId = null, bool Answered = false);
