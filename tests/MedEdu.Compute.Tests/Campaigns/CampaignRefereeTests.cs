using MedEdu.Compute.Campaigns;
using MedEdu.Compute.Exercises;
using MedEdu.Testing;

namespace MedEdu.Compute.Tests.Campaigns;

/// <summary>Campaigns built from the real ESOL and BBBP pools, played round by round as a student plays them.</summary>
[LongRunning(25)]
[Trait("Category", "Slow")]
public sealed class CampaignRefereeTests
{
    private static readonly Lazy<CampaignSetup> EsolSetup = new(() => CampaignBuilder.Build(Exercises.ExercisePools.Esol, seed: 3, new CampaignOptions(LibrarySize: 250, Rounds: 4, PicksPerRound: 6)));
    private static readonly Lazy<CampaignSetup> BbbpSetup = new(() => CampaignBuilder.Build(Exercises.ExercisePools.Bbbp, seed: 3, new CampaignOptions(LibrarySize: 300, Rounds: 4, PicksPerRound: 6)));

    [Fact]
    public void A_library_is_seeded_and_holds_the_datasets_measured_values()
    {
        var setup = EsolSetup.Value;
        var again = CampaignBuilder.Build(Exercises.ExercisePools.Esol, seed: 3, new CampaignOptions(LibrarySize: 250, Rounds: 4, PicksPerRound: 6));
        Assert.Equal(setup.Library.Select(c => c.Id), again.Library.Select(c => c.Id));
        Assert.Equal(setup.Opponents.Select(o => o.Picks.SelectMany(p => p)), again.Opponents.Select(o => o.Picks.SelectMany(p => p)));
        Assert.Equal(250, setup.Library.Count);
        Assert.Equal(CampaignGoal.HighestValue, setup.Goal);
        var esol = Exercises.ExercisePools.Esol.ToDictionary(c => c.Id);
        Assert.All(setup.Library, c => Assert.Equal(esol[c.Id].Measured, c.Measured));
        Assert.All(setup.Library, c => Assert.InRange(c.X, 0, 1));
        Assert.Equal(["model (UCB)", "model (greedy)", "random"], setup.Opponents.Select(o => o.Name));
        Assert.All(setup.Opponents, o => Assert.Equal(4, o.Picks.Count));
        Assert.All(setup.Opponents, o => Assert.Equal(24, o.Picks.SelectMany(p => p).Distinct().Count()));
        Assert.NotEqual(setup.Library.Select(c => c.Id), CampaignBuilder.Build(Exercises.ExercisePools.Esol, seed: 4, new CampaignOptions(LibrarySize: 250, Rounds: 4, PicksPerRound: 6)).Library.Select(c => c.Id));
    }

    [Fact]
    public void A_bbbp_campaign_hunts_for_the_rarer_penetrants_at_the_stated_share()
    {
        var setup = BbbpSetup.Value;
        Assert.Equal(CampaignGoal.MostActives, setup.Goal);
        Assert.Equal(300, setup.Library.Count);
        Assert.Equal(45, setup.Library.Count(c => c.Measured == 1)); // 15% of 300, against BBBP's 76%
        var exercise = CampaignReferee.Exercise("e01", 1, setup, Exercises.ExercisePools.Bbb);
        Assert.Contains("find as many compounds measured as \"crosses the blood-brain barrier\" as you can", exercise.Prompt);
        Assert.Contains("(45 of them are)", exercise.Prompt);
        Assert.Equal(45, exercise.Campaign!.Actives);
        Assert.Empty(exercise.Candidates); // the library and its values never travel with the exercise
        Assert.DoesNotContain("Measured", System.Text.Json.JsonSerializer.Serialize(exercise), StringComparison.Ordinal);
    }

    [Fact]
    public void Rounds_reveal_exactly_the_measured_values_and_the_model_stays_hidden_until_the_end()
    {
        var setup = EsolSetup.Value;
        var property = Exercises.ExercisePools.Solubility;
        var esol = Exercises.ExercisePools.Esol.ToDictionary(c => c.Id);
        var played = new List<IReadOnlyList<string>>();
        for (int r = 0; r < setup.Rounds; r++)
        {
            var picks = setup.Library.Skip(r * 6).Take(6).Select(c => c.Id).ToList();
            var feedback = CampaignReferee.Play(setup, played, picks, property);
            played.Add(picks);
            var round = feedback.Campaign!;
            Assert.Equal(r + 1, round.Round);
            Assert.Equal(picks, round.Revealed.Select(x => x.Id));
            Assert.All(round.Revealed, x => Assert.Equal(esol[x.Id].Measured, x.Measured));
            Assert.All(round.Players, p => Assert.Equal(r + 1, p.Progress.Count));
            Assert.Equal(setup.Opponents[0].Progress.Take(r + 1), round.Players[1].Progress);
            bool last = r == setup.Rounds - 1;
            Assert.Equal(last, round.Finished);
            Assert.Equal(last, round.Players[1].Picks is not null);
            Assert.Equal(last, feedback.ModelAnswer.Count > 0);
            Assert.Equal(Math.Round(round.Players[0].Area * 100, 1, MidpointRounding.AwayFromZero), feedback.Score);
        }

        var end = CampaignReferee.State(setup, played, property);
        Assert.True(end.Finished);
        Assert.NotNull(end.Lesson);
        Assert.Equal(setup.Library.Max(c => c.Measured), end.LibraryBest);
        Assert.Equal(played.SelectMany(p => p).Max(id => esol[id].Measured), end.Players[0].Best![0].Measured);
    }

    [Fact]
    public void Bad_picks_are_refused_with_the_reason_and_cost_nothing()
    {
        var setup = EsolSetup.Value;
        var property = Exercises.ExercisePools.Solubility;
        var first = setup.Library.Take(2).Select(c => c.Id).ToList();
        Assert.Contains("not in this campaign's library: aspirin", Assert.Throws<ArgumentException>(() => CampaignReferee.Play(setup, [], ["aspirin"], property)).Message);
        Assert.Contains("already bought", Assert.Throws<ArgumentException>(() => CampaignReferee.Play(setup, [first], [first[0]], property)).Message);
        Assert.Contains("pick 1 to 6", Assert.Throws<ArgumentException>(() => CampaignReferee.Play(setup, [], [.. setup.Library.Take(7).Select(c => c.Id)], property)).Message);
        var four = Enumerable.Range(0, 4).Select(r => (IReadOnlyList<string>)[setup.Library[10 + r].Id]).ToList();
        Assert.Contains("the campaign is over", Assert.Throws<ArgumentException>(() => CampaignReferee.Play(setup, four, [setup.Library[50].Id], property)).Message);

        // Rounds of fewer picks than the budget allows stay the rounds they were.
        var state = CampaignReferee.State(setup, four, property);
        Assert.Equal(four, state.Players[0].Picks!);
        Assert.All(state.Players[0].Best!, f => Assert.Equal(f.Id, four[f.Round - 1][0]));
        Assert.Equal(0, CampaignReferee.State(setup, [], property).Round);
    }

    [Fact]
    public void Options_out_of_range_are_named()
    {
        Assert.Contains("'librarySize' is 200 to 2,000", Assert.Throws<ArgumentException>(() => CampaignBuilder.Build(Exercises.ExercisePools.Esol, 1, new CampaignOptions(LibrarySize: 50))).Message);
        Assert.Contains("more than half", Assert.Throws<ArgumentException>(() => CampaignBuilder.Build(Exercises.ExercisePools.Esol, 1, new CampaignOptions(LibrarySize: 200, Rounds: 10, PicksPerRound: 20))).Message);
    }
}
