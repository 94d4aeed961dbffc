using MedEdu.Compute.Campaigns;

namespace MedEdu.Pipeline.Classes;

/// <summary>A student's campaign: the goal and budget, the library (measured values only for what they bought) and every player's curve so far.</summary>
/// <param name="ExerciseId">The campaign's exercise id.</param>
/// <param name="Prompt">The task in words.</param>
/// <param name="Brief">Goal and budget.</param>
/// <param name="Library">The library, with map positions.</param>
/// <param name="State">After the rounds played: the last round's reveals, the curves, and once over, the lesson.</param>
/// <param name="PromptPhrase">The prompt as catalog words (the API answers <paramref name="Prompt"/> in the reader's language from it).</param>
public sealed record CampaignView(string ExerciseId, string Prompt, CampaignBrief Brief, IReadOnlyList<CampaignLibraryEntry> Library, CampaignRound State,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] MedEdu.Compute.Wording.Phrase? PromptPhrase = null);

/// <summary>A library compound as a player sees it.</summary>
/// <param name="Id">Compound id.</param>
/// <param name="Name">Name.</param>
/// <param name="Smiles">Structure.</param>
/// <param name="MolWt">Molecular weight.</param>
/// <param name="MolLogP">Crippen logP.</param>
/// <param name="Tpsa">Topological polar surface area (Å²).</param>
/// <param name="HDonors">H-bond donors.</param>
/// <param name="HAcceptors">H-bond acceptors.</param>
/// <param name="RotatableBonds">Rotatable bonds.</param>
/// <param name="X">Map position (0..1).</param>
/// <param name="Y">Map position (0..1).</param>
/// <param name="Measured">The measured value once this player bought it; else null.</param>
/// <param name="Round">The round this player bought it in; else null.</param>
public sealed record CampaignLibraryEntry(string Id, string Name, string Smiles, double MolWt, double MolLogP, double Tpsa, int HDonors, int HAcceptors, int RotatableBonds,
    double X, double Y, double? Measured, int? Round);

/// <summary>A campaign across a class: every student's discovery curve beside the opponents'.</summary>
/// <param name="ExerciseId">The campaign's exercise id.</param>
/// <param name="Goal">What the players look for.</param>
/// <param name="Rounds">Rounds in the budget.</param>
/// <param name="LibraryBest">What a perfect player finds (best value, or number of actives).</param>
/// <param name="Students">Each student who has played a round.</param>
/// <param name="Opponents">The model (UCB), the model (greedy) and random, whole games.</param>
public sealed record CampaignClassReport(string ExerciseId, CampaignGoal Goal, int Rounds, double LibraryBest, IReadOnlyList<CampaignCurve> Students, IReadOnlyList<CampaignCurve> Opponents);

/// <summary>One player's discovery curve.</summary>
/// <param name="Name">The student's display name, or the opponent's name.</param>
/// <param name="StudentId">The student's pseudonymous id; null for opponents.</param>
/// <param name="Progress">Best value (or actives) found after each round played.</param>
/// <param name="Area">Area under the curve over the rounds played, 0 to 1.</param>
/// <param name="Finished">True when every round is played.</param>
public sealed record CampaignCurve(string Name, string? StudentId, IReadOnlyList<double> Progress, double Area, bool Finished)
{
    /// <summary>The area as a score, 0 to 100 with one decimal, as the student's submission records it.</summary>
    public double Score => Math.Round(Area * 100, 1, MidpointRounding.AwayFromZero);
}
