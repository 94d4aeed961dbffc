using MedEdu.Compute.Exercises;
using MedEdu.Compute.Learning;

namespace MedEdu.Compute.Campaigns;

/// <summary>
/// Draws a campaign's library from a dataset version's compounds (seeded; drug-like only on
/// request; for 0/1 labels a fixed share of actives), maps it, and plays the opponents' games:
/// the active learner by upper confidence bound, the same learner greedy, and random picking.
/// </summary>
public static class CampaignBuilder
{
    /// <summary>Names of the opponents, in the order <see cref="CampaignSetup.Opponents"/> holds them.</summary>
    public static IReadOnlyList<(string Name, AcquisitionRule Rule)> OpponentRules { get; } =
        [("model (UCB)", AcquisitionRule.UpperConfidenceBound), ("model (greedy)", AcquisitionRule.Greedy), ("random", AcquisitionRule.Random)];

    /// <summary>Builds the campaign. The same pool, seed and options give the same campaign.</summary>
    /// <exception cref="ArgumentException">Bad options, or a pool that cannot fill the library.</exception>
    public static CampaignSetup Build(IReadOnlyList<ExerciseCompound> pool, int seed, CampaignOptions options)
    {
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem);
        }

        bool binary = ExerciseGenerator.IsBinary(pool);
        var goal = binary ? CampaignGoal.MostActives : CampaignGoal.HighestValue;
        var drawn = Draw(pool, seed, options, binary);
        // Labels stay 0: the learner sees a value only once its campaign reveals it.
        var (molecules, _) = MoleculeFeaturizer.FeaturizeAll([.. drawn.Select(c => (c.Id, c.Smiles, 0f))], withScaffold: false);
        var parsed = molecules.Select(m => m.Id).ToHashSet();
        drawn = [.. drawn.Where(c => parsed.Contains(c.Id))];
        if (drawn.Count < CampaignOptions.MinLibrary)
        {
            throw new ArgumentException($"a campaign needs {CampaignOptions.MinLibrary} compounds with measured values{(options.DrugLikeOnly ? " that are drug-like" : "")}; this dataset has {drawn.Count}");
        }

        if ((options with { LibrarySize = drawn.Count }).Problem() is { } small)
        {
            throw new ArgumentException($"this dataset fills a library of {drawn.Count} compounds: {small}");
        }

        var map = ChemicalSpaceMap.Project([.. drawn.Select(c => c.Fingerprint)]);
        var library = drawn.Select((c, i) => new CampaignCompound(c.Id, c.Name, c.Smiles, Math.Round(c.MolWt, 1), Math.Round(c.MolLogP, 2), Math.Round(c.Tpsa, 1),
            c.HDonors, c.HAcceptors, c.RotatableBonds, map[i].X, map[i].Y, c.Measured!.Value)).ToList();
        var setup = new CampaignSetup(goal, options.Rounds, options.PicksPerRound, library, []);
        var opponents = OpponentRules.Select(o => Play(setup, molecules, o.Name, o.Rule, seed)).ToList();
        return setup with { Opponents = opponents };
    }

    private static List<ExerciseCompound> Draw(IReadOnlyList<ExerciseCompound> pool, int seed, CampaignOptions options, bool binary)
    {
        var random = new Random(seed);
        var eligible = pool.Where(c => c.Measured is not null && (!options.DrugLikeOnly || c.DrugLike))
            .GroupBy(c => c.Id).Select(g => g.First())
            .OrderBy(c => c.Id, StringComparer.Ordinal).OrderBy(_ => random.Next()).ToList();
        if (!binary)
        {
            return [.. eligible.Take(options.LibrarySize)];
        }

        // Actives at the chosen share (or as many as there are), the rest inactives, shuffled together.
        var actives = eligible.Where(c => c.Measured == 1).ToList();
        var inactives = eligible.Where(c => c.Measured != 1).ToList();
        int size = Math.Min(options.LibrarySize, (int)(inactives.Count / (1 - options.ActiveShare)));
        int wanted = Math.Min(actives.Count, Math.Max(1, (int)Math.Round(size * options.ActiveShare)));
        return [.. actives.Take(wanted).Concat(inactives.Take(size - wanted)).OrderBy(_ => random.Next())];
    }

    private static CampaignOpponent Play(CampaignSetup setup, List<FeaturizedMolecule> molecules, string name, AcquisitionRule rule, int seed)
    {
        var campaign = setup.Start();
        var byId = molecules.ToDictionary(m => m.Id);
        var library = setup.Library.Select(c => byId[c.Id]).ToList();
        var learner = new ActiveLearner(library, rule, seed);
        while (campaign.RoundsPlayed < campaign.Rounds)
        {
            campaign.Play([.. learner.Choose(campaign).Select(i => setup.Library[i].Id)]);
        }

        return new CampaignOpponent(name, rule, [.. campaign.PicksByRound], [.. campaign.Progress], Math.Round(campaign.DiscoveryArea(), 4));
    }
}
