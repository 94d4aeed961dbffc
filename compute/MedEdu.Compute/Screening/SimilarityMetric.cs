namespace MedEdu.Compute.Screening;

/// <summary>Similarity coefficients between two fingerprints.</summary>
public enum SimilarityMetric
{
    /// <summary>c / (a + b - c).</summary>
    Tanimoto,

    /// <summary>2c / (a + b).</summary>
    Dice,

    /// <summary>c / (α(a - c) + β(b - c) + c), query weighted by α.</summary>
    Tversky,
}

/// <summary>A metric with its parameters (α, β are used by Tversky only).</summary>
public readonly record struct SimilarityMeasure(SimilarityMetric Metric, float Alpha = 1f, float Beta = 1f)
{
    /// <summary>Tanimoto.</summary>
    public static SimilarityMeasure Tanimoto => new(SimilarityMetric.Tanimoto);

    /// <summary>Dice.</summary>
    public static SimilarityMeasure Dice => new(SimilarityMetric.Dice);

    /// <summary>Tversky with the given weights.</summary>
    public static SimilarityMeasure Tversky(float alpha, float beta) => new(SimilarityMetric.Tversky, alpha, beta);

    /// <summary>The names <see cref="Named"/> accepts: tanimoto, dice, tversky.</summary>
    public static IReadOnlyList<string> Names { get; } = ["tanimoto", "dice", "tversky"];

    /// <summary>
    /// The measure of that name (case-insensitive; empty means Tanimoto), Tversky with the given
    /// weights (0.9 and 0.1, substructure-like, when not given); null for an unknown name.
    /// </summary>
    public static SimilarityMeasure? Named(string? name, float? alpha = null, float? beta = null) => (name ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "tanimoto" => Tanimoto,
        "dice" => Dice,
        "tversky" => Tversky(alpha ?? 0.9f, beta ?? 0.1f),
        _ => null,
    };

    /// <summary>
    /// The score from bit counts: a = query bits, b = compound bits, c = common bits. Every engine
    /// (and the GPU kernel) uses this one function, so scores are identical across engines. Two
    /// empty fingerprints share nothing and score 0.
    /// </summary>
    public static float Score(int metric, float alpha, float beta, int a, int b, int c)
    {
        if (metric == (int)SimilarityMetric.Dice)
        {
            int sum = a + b;
            return sum == 0 ? 0f : 2f * c / sum;
        }

        if (metric == (int)SimilarityMetric.Tversky)
        {
            float denominator = (alpha * (a - c)) + (beta * (b - c)) + c;
            return denominator <= 0f ? 0f : c / denominator;
        }

        int union = a + b - c;
        return union == 0 ? 0f : (float)c / union;
    }

    /// <summary>
    /// The highest score a compound with <paramref name="b"/> bits can reach against a query with
    /// <paramref name="a"/> bits (Swamidass and Baldi, 2007): every metric grows with the common
    /// bits, which are at most min(a, b). It peaks at b = a and falls away on both sides.
    /// </summary>
    public static float UpperBound(int metric, float alpha, float beta, int a, int b) => Score(metric, alpha, beta, a, b, Math.Min(a, b));

    /// <summary>The score of this measure.</summary>
    public float Score(int a, int b, int c) => Score((int)Metric, Alpha, Beta, a, b, c);
}
