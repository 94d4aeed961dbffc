namespace MedEdu.Compute.Chemistry.Elements;

/// <summary>One element's data as RDKit's periodic table has it (masses from NIST; valences are RDKit's conventions).</summary>
/// <param name="AtomicNumber">Atomic number (0 is the dummy atom '*').</param>
/// <param name="Symbol">Element symbol.</param>
/// <param name="AverageMass">Standard atomic weight.</param>
/// <param name="OuterElectrons">Electrons in the outer shell.</param>
/// <param name="MonoisotopicMass">Mass of the most abundant isotope.</param>
/// <param name="Valences">Allowed valences in increasing order; the first is the default; -1 means any.</param>
public sealed record Element(int AtomicNumber, string Symbol, double AverageMass, int OuterElectrons, double MonoisotopicMass, int[] Valences)
{
    /// <summary>The default (lowest) valence, or -1 when any valence is allowed.</summary>
    public int DefaultValence => Valences[0];
}
