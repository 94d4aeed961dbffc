using System.Text.Json.Serialization;
using MedEdu.Compute.Wording;

namespace MedEdu.Compute.Campaigns;

/// <summary>A campaign as the student sees it before playing: the goal and the budget.</summary>
/// <param name="Goal">What to find.</param>
/// <param name="Rounds">Rounds in the budget.</param>
/// <param name="PicksPerRound">Compounds bought per round.</param>
/// <param name="LibrarySize">Compounds in the library.</param>
/// <param name="Target">The goal in words: "the highest aqueous solubility", or "crosses the blood-brain barrier".</param>
/// <param name="Actives">For <see cref="CampaignGoal.MostActives"/>: how many actives the library holds (stated, so students can plan); else null.</param>
/// <param name="TargetPhrase">The goal as catalog words (the API answers <paramref name="Target"/> in the reader's language from it).</param>
public sealed record CampaignBrief(CampaignGoal Goal, int Rounds, int PicksPerRound, int LibrarySize, string Target, int? Actives,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Phrase? TargetPhrase = null);

/// <summary>A bought compound and its measured value, revealed.</summary>
/// <param name="Id">Compound id.</param>
/// <param name="Name">Name.</param>
/// <param name="Measured">The measured value, exactly as in the dataset.</param>
/// <param name="Text">The value in words, with symbol and unit.</param>
/// <param name="TextPhrase">The value as catalog words.</param>
public sealed record RevealedCompound(string Id, string Name, double Measured, string Text, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Phrase? TextPhrase = null);

/// <summary>One of a player's best finds.</summary>
/// <param name="Id">Compound id.</param>
/// <param name="Name">Name.</param>
/// <param name="Smiles">Structure.</param>
/// <param name="Measured">The measured value.</param>
/// <param name="Round">The round it was bought in (1-based).</param>
public sealed record CampaignFind(string Id, string Name, string Smiles, double Measured, int Round);

/// <summary>One player's campaign so far: discovery curve and area; picks and best finds once they may be shown.</summary>
/// <param name="Name">"you", "model (UCB)", "model (greedy)" or "random".</param>
/// <param name="Progress">Best value (or actives) found after each round played so far.</param>
/// <param name="Area">Area under that curve, 0 to 1.</param>
/// <param name="Picks">Picks per round: the student's always, the opponents' once the campaign is over (else null, so nobody copies them).</param>
/// <param name="Best">The best compounds found (the top values, or the first actives), shown under the same rule as the picks.</param>
public sealed record CampaignPlayer(string Name, IReadOnlyList<double> Progress, double Area, IReadOnlyList<IReadOnlyList<string>>? Picks, IReadOnlyList<CampaignFind>? Best)
{
    /// <summary>The area as a score, 0 to 100 with one decimal: what the student's submission records.</summary>
    public double Score => Math.Round(Area * 100, 1, MidpointRounding.AwayFromZero);
}

/// <summary>A campaign after a round: what that round revealed and every player's curve up to it.</summary>
/// <param name="Round">Rounds played (0 before the first).</param>
/// <param name="Rounds">Rounds in the budget.</param>
/// <param name="Finished">True when the budget is spent.</param>
/// <param name="Revealed">The measured values this round revealed.</param>
/// <param name="Players">The student first, then the model (UCB), the model (greedy) and random picking.</param>
/// <param name="Lesson">Once finished: what the curves say about exploring and exploiting; else null.</param>
/// <param name="LibraryBest">Once finished: the value (or number of actives) a perfect player finds; else null.</param>
/// <param name="LessonPhrase">The lesson as catalog words.</param>
public sealed record CampaignRound(int Round, int Rounds, bool Finished, IReadOnlyList<RevealedCompound> Revealed, IReadOnlyList<CampaignPlayer> Players, string? Lesson, double? LibraryBest,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Phrase? LessonPhrase = null);
