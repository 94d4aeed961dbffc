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
        var elements = new ElementSet(UInt128.Zero);
        foreach (var atom in molecule.Atoms)
        {
            int i = atom.Index;
            elements |= ElementSet.Of(atom.AtomicNumber);
            if (atom.AtomicNumber is >= 0 and < 128)
            {
                _elementCounts[atom.AtomicNumber]++;
            }

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

        Elements = elements;
    }

    private readonly int[] _elementCounts = new int[128];

    /// <summary>The elements present.</summary>
    internal ElementSet Elements { get; }

    /// <summary>How many atoms of element <paramref name="atomicNumber"/> the molecule has.</summary>
    internal int CountOf(int atomicNumber) => atomicNumber is >= 0 and < 128 ? _elementCounts[atomicNumber] : 0;

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
        // Most (pattern, atom) pairs differ in element: answered without the memo.
        if (!pattern.MayStartOn(atom.AtomicNumber))
        {
            return false;
        }

        if (!_recursive.TryGetValue(pattern, out var answers))
        {
            answers = new bool?[Molecule.Atoms.Count];
            _recursive[pattern] = answers;
        }

        return answers[atom.Index] ??= pattern.MatchesAt(this, atom.Index);
    }
}
