namespace MedEdu.Compute.Chemistry.SmilesParse;

/// <summary>A SMILES string that cannot be read: where (0-based character position) and why.</summary>
public sealed class SmilesException(int position, string reason)
    : Exception($"{reason} (at position {position})")
{
    /// <summary>0-based position in the SMILES string where the problem was found.</summary>
    public int Position { get; } = position;

    /// <summary>The problem in plain words, without the position.</summary>
    public string Reason { get; } = reason;
}
