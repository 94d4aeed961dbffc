namespace MedEdu.Compute.Campaigns;

/// <summary>How a player of a discovery campaign chooses what to make and test next.</summary>
public enum AcquisitionRule
{
    /// <summary>Picks at random: the floor every strategy should beat.</summary>
    Random,

    /// <summary>Picks the highest predicted values (exploits what the model believes).</summary>
    Greedy,

    /// <summary>Picks the highest upper confidence bound, prediction plus spread: explores where the model is unsure.</summary>
    UpperConfidenceBound,
}
