namespace MedEdu.Compute.Tutoring;

/// <summary>A latent value on the logit scale with its uncertainty: a student's ability in a skill, or a template's difficulty.</summary>
/// <param name="Mean">The estimate.</param>
/// <param name="Variance">Its variance (the model's uncertainty).</param>
/// <param name="Answers">How many scored answers it has learned from.</param>
public sealed record Estimate(double Mean, double Variance, int Answers);
