using MedEdu.Compute.Exercises;
using MedEdu.Compute.Wording;

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
        int activeCount = setup.Library.Count(c => c.Measured == 1);
        var budget = Phrase.Of("Campaign.Budget", setup.Rounds, setup.PicksPerRound);
        var opponent = Phrase.Of("Campaign.Opponent");
        bool actives = setup.Goal == CampaignGoal.MostActives;
        var prompt = actives
            ? Phrase.Of("Prompt.Campaign.Actives", property.PositiveWords, setup.Library.Count, activeCount, budget, opponent)
            : Phrase.Of("Prompt.Campaign.Highest", property.NameWords, setup.Library.Count, budget, opponent);
        var target = actives ? Phrase.Of(Phrase.WordsKey, property.PositiveWords) : Phrase.Of("Campaign.TargetHighest", property.NameWords);
        var brief = new CampaignBrief(setup.Goal, setup.Rounds, setup.PicksPerRound, setup.Library.Count, target.English, actives ? activeCount : null, target);
        return Exercises.Exercise.Worded(id, ExerciseKind.Campaign, difficulty, prompt, null, [], setup.PicksPerRound, actives ? property.PositiveWords : null, campaign: brief);
    }

    /// <summary>The campaign after the stored <paramref name="played"/> rounds (with the last one's reveals), without playing one.</summary>
    public static CampaignRound State(CampaignSetup setup, IReadOnlyList<IReadOnlyList<string>> played, PropertyProfile property) =>
        Report(setup, setup.Replay(played), played.Count == 0 ? [] : Reveal(setup, played[^1], property), property);

    /// <summary>The measured values of bought compounds, exactly as in the dataset, with their words.</summary>
    public static IReadOnlyList<RevealedCompound> Reveal(CampaignSetup setup, IReadOnlyList<string> ids, PropertyProfile property)
    {
        var byId = setup.Library.ToDictionary(c => c.Id);
        bool binary = setup.Goal == CampaignGoal.MostActives;
        return [.. ids.Select(id =>
        {
            var words = property.Measured(byId[id].Measured, binary);
            return new RevealedCompound(id, byId[id].Name, byId[id].Measured, words.English, words);
        })];
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
        var measure = Phrase.Of(binary ? "Measure.Campaign.Actives" : "Measure.Campaign.Highest");
        var truth = round.Finished
            ? binary
                ? setup.Library.Where(c => c.Measured == 1).Select(c => c.Id).ToList()
                : setup.Library.OrderByDescending(c => c.Measured).ThenBy(c => c.Id, StringComparer.Ordinal).Take(setup.PicksPerRound).Select(c => c.Id).ToList()
            : [];
        var modelAnswer = round.Finished ? setup.Opponents[0].Picks.SelectMany(p => p).ToList() : [];
        return ExerciseFeedback.Worded(round.Players[0].Score, model.Score, measure, truth, modelAnswer,
            [.. shown.Select(r => Phrase.Of("Named", r.Name, r.TextPhrase!))], round);
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

        var lesson = finished ? Lesson(players, property, setup.Goal) : null;
        return new CampaignRound(round, setup.Rounds, finished, revealed, players, lesson?.English, finished ? campaign.LibraryBest : null, lesson);
    }

    private static List<CampaignFind> Best(CampaignGoal goal, Dictionary<string, CampaignCompound> byId, IReadOnlyList<IReadOnlyList<string>> picks)
    {
        var bought = picks.SelectMany((round, r) => round.Select(id => (Compound: byId[id], Round: r + 1))).ToList();
        var best = goal == CampaignGoal.MostActives
            ? bought.Where(b => b.Compound.Measured == 1)
            : bought.OrderByDescending(b => b.Compound.Measured).ThenBy(b => b.Round);
        return [.. best.Take(BestShown).Select(b => new CampaignFind(b.Compound.Id, b.Compound.Name, b.Compound.Smiles, b.Compound.Measured, b.Round))];
    }

    private static Phrase Lesson(IReadOnlyList<CampaignPlayer> players, PropertyProfile property, CampaignGoal goal)
    {
        double you = players[0].Area, ucb = players[1].Area, greedy = players[2].Area, random = players[3].Area;
        static PhraseArg F(double area) => PhraseArg.Of(area * 100, "0");
        var areas = Phrase.Of("Lesson.Areas", F(you), F(ucb), F(greedy), F(random));
        var strategy = Phrase.Of(ucb > greedy + 0.01 ? "Lesson.ExplorePaid" : greedy > ucb + 0.01 ? "Lesson.ExploitPaid" : "Lesson.Even");
        var goalWords = goal == CampaignGoal.MostActives ? Phrase.Of("Lesson.GoalActives", property.PositiveWords) : Phrase.Of("Lesson.GoalHigh", property.NameWords);
        var verdict = Phrase.Of(you >= ucb ? "Lesson.KeptUp" : you < random ? "Lesson.RandomBetter" : "Lesson.ModelBeat", goalWords);
        return Phrase.Of("Lesson", areas, strategy, verdict);
    }
}
