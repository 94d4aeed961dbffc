namespace MedEdu.Compute.Chemistry.Molecules;

/// <summary>A chemically impossible structure (bad valence, unkekulizable ring), naming the atom at fault.</summary>
public sealed class ChemistryException(string message, int? atomIndex) : Exception(message)
{
    /// <summary>Index of the offending atom, when one is to blame.</summary>
    public int? AtomIndex { get; } = atomIndex;
}
