namespace MedEdu.Compute.Campaigns;

/// <summary>What a discovery campaign asks its players to find.</summary>
public enum CampaignGoal
{
    /// <summary>The compound with the highest measured value (the most soluble, say): progress is the best value found.</summary>
    HighestValue,

    /// <summary>As many actives (label 1, such as BBB-penetrant) as possible: progress is the number found.</summary>
    MostActives,
}
