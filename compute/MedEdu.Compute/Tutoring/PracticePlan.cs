using MedEdu.Compute.Exercises;

namespace MedEdu.Compute.Tutoring;

/// <summary>The next exercise for a student, why, and their mastery of every skill the class offers.</summary>
/// <param name="Kind">The exercise kind to practise.</param>
/// <param name="Difficulty">Its level, 1-3.</param>
/// <param name="Reason">Why, in words the student can read.</param>
/// <param name="ExerciseId">The class's exercise to do (null when every exercise of it is answered).</param>
/// <param name="SkillId">The skill it practises most (the weakest unmastered one).</param>
/// <param name="Chance">The model's chance that the student gets it right, 0-1.</param>
/// <param name="ChosenBy">Who chose it: <c>model</c>, or <c>instructor</c> when an instructor set it.</param>
/// <param name="Mastery">The student's mastery of each skill the class offers.</param>
public sealed record PracticePlan(ExerciseKind Kind, int Difficulty, string Reason, string? ExerciseId, string SkillId, double Chance, string ChosenBy,
    IReadOnlyList<SkillMastery> Mastery);
