namespace MedEdu.Compute.Tutoring;

/// <summary>
/// How well a student has mastered a skill: the model's chance that they get a level-3 exercise of it
/// right, with a 90% interval, and how many answers it rests on.
/// </summary>
/// <param name="SkillId">The skill's id.</param>
/// <param name="Skill">The skill's name.</param>
/// <param name="Mastery">The chance of getting a level-3 exercise right, 0-1.</param>
/// <param name="Low">The interval's lower end.</param>
/// <param name="High">The interval's upper end.</param>
/// <param name="Answers">The scored answers behind it (0: the cold-start default).</param>
/// <param name="Mastered">True once <paramref name="Mastery"/> passes the mastery threshold.</param>
public sealed record SkillMastery(string SkillId, string Skill, double Mastery, double Low, double High, int Answers, bool Mastered);
