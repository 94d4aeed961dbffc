namespace MedEdu.Compute.Campaigns;

/// <summary>A library compound: what students see (structure, descriptors, map position) and its hidden measured value.</summary>
/// <param name="Id">Compound id.</param>
/// <param name="Name">Name shown to students.</param>
/// <param name="Smiles">Structure.</param>
/// <param name="MolWt">Molecular weight.</param>
/// <param name="MolLogP">Crippen logP.</param>
/// <param name="Tpsa">Topological polar surface area (Å²).</param>
/// <param name="HDonors">H-bond donors.</param>
/// <param name="HAcceptors">H-bond acceptors.</param>
/// <param name="RotatableBonds">Rotatable bonds.</param>
/// <param name="X">Map position, first principal component of the fingerprints (0..1).</param>
/// <param name="Y">Map position, second principal component (0..1).</param>
/// <param name="Measured">The measured value (0/1 for labels), revealed only once bought.</param>
public sealed record CampaignCompound(string Id, string Name, string Smiles, double MolWt, double MolLogP, double Tpsa, int HDonors, int HAcceptors, int RotatableBonds,
    double X, double Y, double Measured);

/// <summary>A seeded opponent's whole game: its picks round by round and its discovery curve.</summary>
/// <param name="Name">Who played ("model (UCB)", "model (greedy)", "random").</param>
/// <param name="Rule">How it picked.</param>
/// <param name="Picks">Its picks, one list per round.</param>
/// <param name="Progress">Best value (or actives) found after each round.</param>
/// <param name="Area">Area under its discovery curve, 0 to 1.</param>
public sealed record CampaignOpponent(string Name, AcquisitionRule Rule, IReadOnlyList<IReadOnlyList<string>> Picks, IReadOnlyList<double> Progress, double Area);

/// <summary>
/// Everything a campaign needs, fixed when it is created: the goal, the budget, the library with its
/// hidden values and map, and the opponents' seeded games, so every student meets the same opponents.
/// </summary>
/// <param name="Goal">What to find.</param>
/// <param name="Rounds">Rounds in the budget.</param>
/// <param name="PicksPerRound">Compounds bought per round.</param>
/// <param name="Library">The library.</param>
/// <param name="Opponents">The model (uncertainty-driven), the model (greedy) and random picking, in that order.</param>
public sealed record CampaignSetup(CampaignGoal Goal, int Rounds, int PicksPerRound, IReadOnlyList<CampaignCompound> Library, IReadOnlyList<CampaignOpponent> Opponents)
{
    /// <summary>A fresh game on this library.</summary>
    public DiscoveryCampaign Start() =>
        new([.. Library.Select(c => c.Id)], [.. Library.Select(c => c.Measured)], Rounds, PicksPerRound, Goal);

    /// <summary>The game after <paramref name="rounds"/> (picks per round, in order), as stored.</summary>
    /// <exception cref="ArgumentException">A stored round no longer fits (never for rounds this setup accepted).</exception>
    public DiscoveryCampaign Replay(IEnumerable<IReadOnlyList<string>> rounds)
    {
        var campaign = Start();
        foreach (var picks in rounds)
        {
            campaign.Play(picks);
        }

        return campaign;
    }
}
