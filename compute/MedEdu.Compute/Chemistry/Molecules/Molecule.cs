using MedEdu.Compute.Chemistry.Rings;

namespace MedEdu.Compute.Chemistry.Molecules;

/// <summary>A molecular graph: atoms with hydrogens held as counts, bonds, and ring information once perceived.</summary>
public sealed class Molecule
{
    private readonly List<Atom> _atoms = [];
    private readonly List<Bond> _bonds = [];
    private RingInfo? _rings;

    /// <summary>The atoms, by index.</summary>
    public IReadOnlyList<Atom> Atoms => _atoms;

    /// <summary>The bonds, by index.</summary>
    public IReadOnlyList<Bond> Bonds => _bonds;

    /// <summary>Ring membership and the smallest set of smallest rings (computed on first use).</summary>
    public RingInfo Rings => _rings ??= RingFinder.Find(this);

    /// <summary>Adds an atom and returns it.</summary>
    public Atom AddAtom(int atomicNumber)
    {
        var atom = new Atom { AtomicNumber = atomicNumber, Index = _atoms.Count };
        _atoms.Add(atom);
        _rings = null;
        return atom;
    }

    /// <summary>Adds a bond between two atoms of this molecule and returns it.</summary>
    public Bond AddBond(Atom begin, Atom end, BondOrder order)
    {
        var bond = new Bond(_bonds.Count, begin, end, order);
        _bonds.Add(bond);
        begin.BondList.Add(bond);
        end.BondList.Add(bond);
        _rings = null;
        return bond;
    }

    /// <summary>Removes atoms (and their bonds), renumbering what is left.</summary>
    public void RemoveAtoms(IReadOnlyCollection<Atom> atoms)
    {
        if (atoms.Count == 0)
        {
            return;
        }

        var removed = new HashSet<Atom>(atoms);
        foreach (var bond in _bonds.Where(b => removed.Contains(b.Begin) || removed.Contains(b.End)).ToList())
        {
            bond.Begin.BondList.Remove(bond);
            bond.End.BondList.Remove(bond);
            _bonds.Remove(bond);
        }

        _atoms.RemoveAll(removed.Contains);
        for (int i = 0; i < _atoms.Count; i++)
        {
            _atoms[i].Index = i;
        }

        for (int i = 0; i < _bonds.Count; i++)
        {
            _bonds[i].Index = i;
        }

        _rings = null;
    }

    /// <summary>Forgets perceived rings after the graph changed.</summary>
    public void InvalidateRings() => _rings = null;

    /// <summary>The bond between two atoms, or null.</summary>
    public Bond? BondBetween(Atom a, Atom b) => a.BondTo(b);
}
