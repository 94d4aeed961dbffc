namespace MedEdu.Compute.Campaigns;

/// <summary>
/// A simulated design-make-test campaign on a library whose measured values are hidden: each round
/// the player buys up to <see cref="PicksPerRound"/> compounds and their measured values are
/// revealed; a compound cannot be bought twice; the campaign ends after <see cref="Rounds"/> rounds.
/// The goal is the highest value (the most soluble compound, say) or as many actives as possible.
/// </summary>
public sealed class DiscoveryCampaign
{
    private readonly double[] _values;
    private readonly Dictionary<string, int> _index;
    private readonly List<int> _revealed = [];
    private readonly List<IReadOnlyList<string>> _rounds = [];
    private readonly double _median;

    /// <summary>A campaign on <paramref name="ids"/> with their hidden <paramref name="values"/>.</summary>
    public DiscoveryCampaign(IReadOnlyList<string> ids, IReadOnlyList<double> values, int rounds, int picksPerRound, CampaignGoal goal = CampaignGoal.HighestValue)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Count, ids.Count);
        ArgumentOutOfRangeException.ThrowIfZero(ids.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(picksPerRound, 1);
        Ids = ids;
        _values = [.. values];
        _index = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        Rounds = rounds;
        PicksPerRound = picksPerRound;
        Goal = goal;

        // The library's values never change: its summaries are taken once.
        var sorted = _values.Order().ToArray();
        _median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        BestInLibrary = sorted[^1];
        ActivesInLibrary = sorted.Count(v => v == 1);
    }

    /// <summary>What the players look for.</summary>
    public CampaignGoal Goal { get; }

    /// <summary>The library's compound ids.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Rounds in the budget.</summary>
    public int Rounds { get; }

    /// <summary>Compounds bought per round.</summary>
    public int PicksPerRound { get; }

    /// <summary>Rounds played so far.</summary>
    public int RoundsPlayed { get; private set; }

    /// <summary>Library indices revealed so far, in the order bought.</summary>
    public IReadOnlyList<int> Revealed => _revealed;

    /// <summary>The picks (ids) of each round played, as played: a round may buy fewer than <see cref="PicksPerRound"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> PicksByRound => _rounds;

    /// <summary>After each round played: the best value found so far, or for <see cref="CampaignGoal.MostActives"/> the number of actives found.</summary>
    public List<double> Progress { get; } = [];

    /// <summary>The library's best value (what a perfect player finds).</summary>
    public double BestInLibrary { get; }

    /// <summary>The library's actives (value 1).</summary>
    public int ActivesInLibrary { get; }

    /// <summary>What a perfect player ends with: the library's best value, or for <see cref="CampaignGoal.MostActives"/> its number of actives.</summary>
    public double LibraryBest => Goal == CampaignGoal.MostActives ? ActivesInLibrary : BestInLibrary;

    /// <summary>
    /// Plays one round: reveals the measured values of <paramref name="picks"/> (ids), exactly as measured.
    /// </summary>
    /// <exception cref="ArgumentException">The budget is spent, too many picks, a pick outside the library, or one already bought or repeated.</exception>
    public IReadOnlyList<(string Id, double Measured)> Play(IReadOnlyList<string> picks)
    {
        if (RoundsPlayed >= Rounds)
        {
            throw new ArgumentException($"the campaign is over: all {Rounds} rounds are played");
        }

        if (picks.Count == 0 || picks.Count > PicksPerRound)
        {
            throw new ArgumentException($"pick 1 to {PicksPerRound} compounds this round, not {picks.Count}");
        }

        var unknown = picks.Where(p => !_index.ContainsKey(p)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"not in this campaign's library: {string.Join(", ", unknown)}");
        }

        var bought = _revealed.Select(i => Ids[i]).ToHashSet();
        var again = picks.Where(p => bought.Contains(p)).Concat(picks.GroupBy(p => p).Where(g => g.Count() > 1).Select(g => g.Key)).Distinct().ToList();
        if (again.Count > 0)
        {
            throw new ArgumentException($"already bought (a compound is made and tested once): {string.Join(", ", again)}");
        }

        _revealed.AddRange(picks.Select(p => _index[p]));
        _rounds.Add([.. picks]);
        RoundsPlayed++;
        Progress.Add(Goal == CampaignGoal.MostActives ? _revealed.Count(i => _values[i] == 1) : _revealed.Max(i => _values[i]));
        return [.. picks.Select(p => (p, _values[_index[p]]))];
    }

    /// <summary>The revealed value of library index <paramref name="i"/> (only once bought).</summary>
    public double ValueOf(int i) => _revealed.Contains(i) ? _values[i] : throw new ArgumentException($"'{Ids[i]}' has not been bought");

    /// <summary>
    /// The area under the discovery curve, 0 to 1, over the rounds played: the mean over rounds of
    /// how far the best found stands from the library's median (0) to its best (1) value, so finding
    /// the best in round one scores 1 and a find no better than a typical compound scores 0 (the
    /// median, not the minimum, so one extreme low value does not squeeze every score towards 1);
    /// for <see cref="CampaignGoal.MostActives"/>, the mean share of the actives a perfect player
    /// could have found by that round.
    /// </summary>
    public double DiscoveryArea() => AreaOf(Progress);

    /// <summary>The area of any progress curve on this library (an opponent's, a prefix of one), as <see cref="DiscoveryArea"/>.</summary>
    public double AreaOf(IReadOnlyList<double> progress)
    {
        if (Goal == CampaignGoal.MostActives)
        {
            int actives = ActivesInLibrary;
            return actives == 0 ? 1 : progress.Select((found, r) => found / Math.Min(actives, PicksPerRound * (r + 1))).DefaultIfEmpty(0).Average();
        }

        double high = BestInLibrary;
        return high <= _median ? 1 : progress.Select(b => Math.Clamp((b - _median) / (high - _median), 0, 1)).DefaultIfEmpty(0).Average();
    }
}
