using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Substruct;

/// <summary>
/// A molecule prepared for SMARTS matching: the per-atom values SMARTS primitives ask for,
/// computed once, and a cache of recursive-SMARTS answers.
/// </summary>
public sealed class MatchTarget
{
    private readonly Dictionary<SmartsPattern, bool?[]> _recursive = new(ReferenceEqualityComparer.Instance);

    /// <summary>Prepares <paramref name="molecule"/>.</summary>
    public MatchTarget(Molecule molecule)
    {
        Molecule = molecule;
        var rings = molecule.Rings;
        int n = molecule.Atoms.Count;
        TotalValence = new int[n];
        TotalHydrogens = new int[n];
        RingBondCount = new int[n];
        SmallestRing = new int[n];
        foreach (var atom in molecule.Atoms)
        {
            int i = atom.Index;
            int hNeighbors = 0;
            foreach (var b in atom.Bonds)
            {
                if (b.Other(atom).AtomicNumber == 1)
                {
                    hNeighbors++;
                }

                if (rings.IsBondInRing(b.Index))
                {
                    RingBondCount[i]++;
                }
            }

            TotalHydrogens[i] = atom.TotalHydrogens + hNeighbors;
            TotalValence[i] = Valence.Explicit(atom, strict: false) + atom.ImplicitHydrogens;
            SmallestRing[i] = rings.SmallestRingSize(i);
        }
    }

    /// <summary>The molecule.</summary>
    public Molecule Molecule { get; }

    /// <summary>Explicit plus implicit valence per atom (SMARTS 'v').</summary>
    public int[] TotalValence { get; }

    /// <summary>All hydrogens per atom, including hydrogen atoms in the graph (SMARTS 'H').</summary>
    public int[] TotalHydrogens { get; }

    /// <summary>Ring bonds per atom (SMARTS 'x').</summary>
    public int[] RingBondCount { get; }

    /// <summary>Smallest ring size per atom, 0 when not in a ring (SMARTS 'r').</summary>
    public int[] SmallestRing { get; }

    /// <summary>Whether the recursive pattern matches with its first atom on <paramref name="atom"/> (memoized).</summary>
    internal bool RecursiveMatch(SmartsPattern pattern, Atom atom)
    {
        if (!_recursive.TryGetValue(pattern, out var answers))
        {
            answers = new bool?[Molecule.Atoms.Count];
            _recursive[pattern] = answers;
        }

        return answers[atom.Index] ??= pattern.MatchesAt(this, atom.Index);
    }
}
