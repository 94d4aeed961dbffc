namespace MedEdu.Compute.Tutoring;

/// <summary>A concept the exercises practise, such as similarity and fingerprints or structural alerts.</summary>
/// <param name="Id">The stable id (stored with each mastery estimate).</param>
/// <param name="Name">The name students and instructors read.</param>
public sealed record Skill(string Id, string Name);
