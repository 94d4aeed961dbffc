namespace MedEdu.Compute.Chemistry.Molecules;

/// <summary>A bond between two atoms of a <see cref="Molecule"/>.</summary>
public sealed class Bond
{
    internal Bond(int index, Atom begin, Atom end, BondOrder order)
    {
        Index = index;
        Begin = begin;
        End = end;
        Order = order;
    }

    /// <summary>Position of the bond in its molecule.</summary>
    public int Index { get; internal set; }

    /// <summary>First atom (as written).</summary>
    public Atom Begin { get; }

    /// <summary>Second atom.</summary>
    public Atom End { get; }

    /// <summary>Bond type.</summary>
    public BondOrder Order { get; set; }

    /// <summary>True when the bond is part of an aromatic system.</summary>
    public bool IsAromatic { get; set; }

    /// <summary>
    /// Cis/trans direction mark ('/' or '\') read from <see cref="Begin"/> to <see cref="End"/>: '/'
    /// (<see cref="BondDirection.Up"/>) puts End above Begin. A mark written at a ring-closure digit
    /// of the closing atom is turned round to read this way.
    /// </summary>
    public BondDirection Direction { get; set; }

    /// <summary>The atom at the other end from <paramref name="atom"/>.</summary>
    public Atom Other(Atom atom) => ReferenceEquals(atom, Begin) ? End : Begin;

    /// <summary>Contribution to an atom's valence: 1, 2, 3, 4, or 1.5 for aromatic.</summary>
    public double ValenceContribution => Order switch
    {
        BondOrder.Single => 1,
        BondOrder.Double => 2,
        BondOrder.Triple => 3,
        BondOrder.Quadruple => 4,
        BondOrder.Aromatic => 1.5,
        _ => 0,
    };

    /// <inheritdoc />
    public override string ToString() => $"{Begin}-{End}:{Order}";
}
