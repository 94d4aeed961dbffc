namespace MedEdu.Compute.Chemistry.Molecules;

/// <summary>An atom of a <see cref="Molecule"/>, with the properties RDKit keeps for it.</summary>
public sealed class Atom
{
    internal readonly List<Bond> BondList = new(4);

    /// <summary>Position of the atom in its molecule.</summary>
    public int Index { get; internal set; }

    /// <summary>Atomic number; 0 for '*'.</summary>
    public int AtomicNumber { get; set; }

    /// <summary>Formal charge.</summary>
    public int Charge { get; set; }

    /// <summary>Isotope mass number, or 0 when unspecified.</summary>
    public int Isotope { get; set; }

    /// <summary>Hydrogens given explicitly (bracket H count, or merged [H] atoms).</summary>
    public int ExplicitHydrogens { get; set; }

    /// <summary>Hydrogens implied by the valence model (0 for bracket atoms).</summary>
    public int ImplicitHydrogens { get; internal set; }

    /// <summary>True for bracket atoms: the valence model adds no hydrogens.</summary>
    public bool NoImplicit { get; set; }

    /// <summary>Aromatic after perception (or as written, before it).</summary>
    public bool IsAromatic { get; set; }

    /// <summary>Unpaired electrons.</summary>
    public int RadicalElectrons { get; internal set; }

    /// <summary>Chirality mark as written.</summary>
    public ChiralTag Chirality { get; set; }

    /// <summary>Number of a non-tetrahedral chirality class (e.g. 2 for @TB2), else 0.</summary>
    public int ChiralPermutation { get; set; }

    /// <summary>
    /// For an atom marked '@' or '@@', its neighbours in the order the mark refers to (the order
    /// they are written in the SMILES, a ring-closure partner at its digit); a null entry is the
    /// atom's own hydrogen. Null for atoms without a tetrahedral mark.
    /// </summary>
    public IReadOnlyList<Atom?>? ChiralNeighbours => ChiralNeighbourList;

    /// <summary>The list behind <see cref="ChiralNeighbours"/>, filled as the SMILES is read.</summary>
    internal List<Atom?>? ChiralNeighbourList { get; set; }

    /// <summary>Atom class (':n' in a bracket atom), else 0.</summary>
    public int AtomClass { get; set; }

    /// <summary>0-based character position of the atom in the SMILES it was read from, or -1.</summary>
    public int SourcePosition { get; set; } = -1;

    /// <summary>Bonds to this atom.</summary>
    public IReadOnlyList<Bond> Bonds => BondList;

    /// <summary>Number of bonds to other atoms in the graph (hydrogens excluded).</summary>
    public int Degree => BondList.Count;

    /// <summary>All hydrogens: explicit plus implicit.</summary>
    public int TotalHydrogens => ExplicitHydrogens + ImplicitHydrogens;

    /// <summary>Degree plus hydrogens.</summary>
    public int TotalDegree => Degree + TotalHydrogens;

    /// <summary>The element symbol.</summary>
    public string Symbol => Elements.PeriodicTable.Get(AtomicNumber).Symbol;

    /// <summary>Atomic mass: isotope mass when labelled, else the standard atomic weight.</summary>
    public double Mass => Isotope != 0 ? Elements.PeriodicTable.IsotopeMass(AtomicNumber, Isotope) : Elements.PeriodicTable.Get(AtomicNumber).AverageMass;

    /// <summary>Neighbouring atoms in bond order.</summary>
    public IEnumerable<Atom> Neighbors => BondList.Select(b => b.Other(this));

    /// <summary>The bond to <paramref name="other"/>, or null.</summary>
    public Bond? BondTo(Atom other)
    {
        foreach (var b in BondList)
        {
            if (b.Other(this) == other)
            {
                return b;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Symbol}{Index}";
}
