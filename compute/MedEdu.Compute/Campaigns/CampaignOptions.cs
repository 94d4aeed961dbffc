namespace MedEdu.Compute.Campaigns;

/// <summary>How a campaign is set up: library size, budget and filter.</summary>
/// <param name="LibrarySize">Compounds in the library (200 to 2,000; fewer when the dataset has fewer).</param>
/// <param name="Rounds">Design-make-test rounds (2 to 10).</param>
/// <param name="PicksPerRound">Compounds bought per round (2 to 20).</param>
/// <param name="DrugLikeOnly">Draw only compounds that pass Lipinski and Veber.</param>
/// <param name="ActiveShare">For 0/1 labels: the share of actives drawn into the library, so finding them is a search and not a coin toss (BBBP is three quarters penetrant).</param>
public sealed record CampaignOptions(int LibrarySize = 300, int Rounds = 5, int PicksPerRound = 8, bool DrugLikeOnly = false, double ActiveShare = 0.15)
{
    /// <summary>Smallest library.</summary>
    public const int MinLibrary = 200;

    /// <summary>Largest library.</summary>
    public const int MaxLibrary = 2_000;

    /// <summary>The default budget at a difficulty: level 1 buys 5 x 10, level 2 5 x 8, level 3 4 x 6.</summary>
    public static CampaignOptions ForDifficulty(int difficulty) => Math.Clamp(difficulty, 1, 3) switch
    {
        1 => new(Rounds: 5, PicksPerRound: 10),
        2 => new(Rounds: 5, PicksPerRound: 8),
        _ => new(Rounds: 4, PicksPerRound: 6),
    };

    /// <summary>What is wrong with these options, in words, or null when they are sound.</summary>
    public string? Problem() =>
        LibrarySize is < MinLibrary or > MaxLibrary ? $"'librarySize' is {MinLibrary} to {MaxLibrary:N0} compounds, not {LibrarySize}"
        : Rounds is < 2 or > 10 ? $"'rounds' is 2 to 10, not {Rounds}"
        : PicksPerRound is < 2 or > 20 ? $"'picksPerRound' is 2 to 20, not {PicksPerRound}"
        : Rounds * PicksPerRound * 2 > LibrarySize ? $"a budget of {Rounds} x {PicksPerRound} would buy more than half of a {LibrarySize}-compound library"
        : null;
}
