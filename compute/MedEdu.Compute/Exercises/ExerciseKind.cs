namespace MedEdu.Compute.Exercises;

/// <summary>The kinds of exercise students do.</summary>
public enum ExerciseKind
{
    /// <summary>Pick the candidates most similar to a query compound.</summary>
    SimilarityHunt,

    /// <summary>Order compounds by a measured property (e.g. solubility).</summary>
    PropertyRanking,

    /// <summary>From a library, pick the most promising drug-like compounds.</summary>
    VirtualScreen,

    /// <summary>Flag the compounds that break Lipinski's or Veber's rules.</summary>
    RuleCheck,

    /// <summary>Label each compound of a 0/1 dataset (crosses the blood-brain barrier or not; active or inactive).</summary>
    Classify,

    /// <summary>Matched pairs (a compound and an analogue one small change away): predict whether the change raises or lowers the property.</summary>
    MatchedPair,

    /// <summary>Find the activity cliff: the pair of similar compounds with the largest gap in the property.</summary>
    ActivityCliff,

    /// <summary>Pick the compound with a different Murcko scaffold whose property is closest to the query's.</summary>
    ScaffoldHop,

    /// <summary>A discovery campaign: buy compounds round by round within a budget, learn from what is revealed, race an active-learning model.</summary>
    Campaign,
}
