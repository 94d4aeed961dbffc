namespace MedEdu.Compute.Screening;

/// <summary>One compound found for a query: its position in the store and its score.</summary>
/// <param name="Index">Compound index in the store.</param>
/// <param name="Score">Similarity to the query.</param>
public readonly record struct ScreeningHit(int Index, float Score) : IComparable<ScreeningHit>
{
    /// <summary>Best first: higher score, then lower index (the tie rule of every engine).</summary>
    public int CompareTo(ScreeningHit other)
    {
        int c = other.Score.CompareTo(Score);
        return c != 0 ? c : Index.CompareTo(other.Index);
    }
}
