using System.Globalization;
using MedEdu.Compute.Exercises;

namespace MedEdu.Compute.Campaigns;

/// <summary>
/// Runs a student's campaign: states it as an exercise, replays the stored rounds, plays the next
/// one (refusing picks outside the library, repeats and rounds past the budget), and reports every
/// player's discovery curve up to the same round. The opponents' picks and best finds stay hidden
/// until the campaign is over, so a student cannot copy the model.
/// </summary>
public static class CampaignReferee
{
    /// <summary>Best finds shown per player.</summary>
    public const int BestShown = 3;

    /// <summary>The campaign as a student-facing exercise: the prompt, the goal and the budget (the library comes with the campaign's state).</summary>
    public static Exercise Exercise(string id, int difficulty, CampaignSetup setup, PropertyProfile property)
    {
        int actives = setup.Library.Count(c => c.Measured == 1);
        string budget = $"You have {setup.Rounds} rounds and buy {setup.PicksPerRound} compounds a round; after each round their measured values are revealed, so you can learn from them before choosing again. A compound is bought once.";
        string opponent = "An active-learning model plays the same library and budget: it retrains each round on what it has bought and picks where its prediction plus its uncertainty is highest.";
        string prompt = setup.Goal == CampaignGoal.MostActives
            ? $"Discovery campaign: find as many compounds measured as \"{property.PositiveLabel}\" as you can in this library of {setup.Library.Count} ({actives} of them are). {budget} {opponent}"
            : $"Discovery campaign: find the compound with the highest {property.Name} in this library of {setup.Library.Count}. {budget} {opponent}";
        string target = setup.Goal == CampaignGoal.MostActives ? property.PositiveLabel : $"the highest {property.Name}";
        var brief = new CampaignBrief(setup.Goal, setup.Rounds, setup.PicksPerRound, setup.Library.Count, target, setup.Goal == CampaignGoal.MostActives ? actives : null);
        return new Exercise(id, ExerciseKind.Campaign, difficulty, prompt, null, [], setup.PicksPerRound, setup.Goal == CampaignGoal.MostActives ? property.PositiveLabel : null, Campaign: brief);
    }

    /// <summary>The campaign after the stored <paramref name="played"/> rounds (with the last one's reveals), without playing one.</summary>
    public static CampaignRound State(CampaignSetup setup, IReadOnlyList<IReadOnlyList<string>> played, PropertyProfile property) =>
        Report(setup, setup.Replay(played), played.Count == 0 ? [] : Reveal(setup, played[^1], property), property);

    /// <summary>The measured values of bought compounds, exactly as in the dataset, with their words.</summary>
    public static IReadOnlyList<RevealedCompound> Reveal(CampaignSetup setup, IReadOnlyList<string> ids, PropertyProfile property)
    {
        var byId = setup.Library.ToDictionary(c => c.Id);
        bool binary = setup.Goal == CampaignGoal.MostActives;
        return [.. ids.Select(id => new RevealedCompound(id, byId[id].Name, byId[id].Measured, property.DescribeMeasured(byId[id].Measured, binary)))];
    }

    /// <summary>Plays <paramref name="picks"/> as the round after <paramref name="played"/> and returns its feedback.</summary>
    /// <exception cref="ArgumentException">The budget is spent, too many or no picks, a pick outside the library, or one already bought.</exception>
    public static ExerciseFeedback Play(CampaignSetup setup, IReadOnlyList<IReadOnlyList<string>> played, IReadOnlyList<string> picks, PropertyProfile property)
    {
        var campaign = setup.Replay(played);
        campaign.Play(picks);
        bool binary = setup.Goal == CampaignGoal.MostActives;
        var shown = Reveal(setup, picks, property);
        var round = Report(setup, campaign, shown, property);
        var model = round.Players[1];
        string measure = binary
            ? "area under your discovery curve (x100): the mean over rounds of the actives you had found, as a share of what a perfect player could have found by then"
            : "area under your discovery curve (x100): the mean over rounds of where your best find stood between the library's median (0: a typical compound) and its highest value (100)";
        var truth = round.Finished
            ? binary
                ? setup.Library.Where(c => c.Measured == 1).Select(c => c.Id).ToList()
                : setup.Library.OrderByDescending(c => c.Measured).ThenBy(c => c.Id, StringComparer.Ordinal).Take(setup.PicksPerRound).Select(c => c.Id).ToList()
            : [];
        var modelAnswer = round.Finished ? setup.Opponents[0].Picks.SelectMany(p => p).ToList() : [];
        return new ExerciseFeedback(round.Players[0].Score, model.Score, measure, truth, modelAnswer,
            [.. shown.Select(r => $"{r.Name}: {r.Text}")], Campaign: round);
    }

    private static CampaignRound Report(CampaignSetup setup, DiscoveryCampaign campaign, IReadOnlyList<RevealedCompound> revealed, PropertyProfile property)
    {
        int round = campaign.RoundsPlayed;
        bool finished = round == setup.Rounds;
        var byId = setup.Library.ToDictionary(c => c.Id);
        var students = campaign.PicksByRound;
        var players = new List<CampaignPlayer> { new("you", [.. campaign.Progress], Math.Round(campaign.DiscoveryArea(), 4), [.. students], Best(setup.Goal, byId, students)) };
        foreach (var o in setup.Opponents)
        {
            var progress = o.Progress.Take(round).ToList();
            players.Add(new CampaignPlayer(o.Name, progress, Math.Round(campaign.AreaOf(progress), 4), finished ? o.Picks : null, finished ? Best(setup.Goal, byId, o.Picks) : null));
        }

        return new CampaignRound(round, setup.Rounds, finished, revealed, players, finished ? Lesson(players, property, setup.Goal) : null, finished ? campaign.LibraryBest : null);
    }

    private static List<CampaignFind> Best(CampaignGoal goal, Dictionary<string, CampaignCompound> byId, IReadOnlyList<IReadOnlyList<string>> picks)
    {
        var bought = picks.SelectMany((round, r) => round.Select(id => (Compound: byId[id], Round: r + 1))).ToList();
        var best = goal == CampaignGoal.MostActives
            ? bought.Where(b => b.Compound.Measured == 1)
            : bought.OrderByDescending(b => b.Compound.Measured).ThenBy(b => b.Round);
        return [.. best.Take(BestShown).Select(b => new CampaignFind(b.Compound.Id, b.Compound.Name, b.Compound.Smiles, b.Compound.Measured, b.Round))];
    }

    private static string Lesson(IReadOnlyList<CampaignPlayer> players, PropertyProfile property, CampaignGoal goal)
    {
        double you = players[0].Area, ucb = players[1].Area, greedy = players[2].Area, random = players[3].Area;
        string F(double area) => (area * 100).ToString("0", CultureInfo.InvariantCulture);
        string text = $"Discovery areas: you {F(you)}, the model exploring by upper confidence bound {F(ucb)}, the greedy model {F(greedy)}, random picking {F(random)}. ";
        text += ucb > greedy + 0.01
            ? "Exploring paid: buying where the model was unsure taught it about unexplored corners of the library, while the greedy model kept buying what resembled its first finds. "
            : greedy > ucb + 0.01
                ? "Here exploiting paid more than exploring: the best compounds sat near the first good finds, so buying more of what looked best found them sooner. "
                : "Exploring and exploiting did about equally well on this library. ";
        string goalWords = goal == CampaignGoal.MostActives ? $"compounds measured as \"{property.PositiveLabel}\"" : $"high {property.Name}";
        text += you >= ucb
            ? $"You kept up with the model: your reading of the revealed values found {goalWords} as fast as its retrained ensemble did."
            : you < random
                ? $"Random picking did better than your strategy: look at where your picks sat on the map, and whether each round used what the last one revealed about {goalWords}."
                : $"The model beat you: its uncertainty told it where one more purchase would teach it most about {goalWords}.";
        return text;
    }
}
