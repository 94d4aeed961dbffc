namespace MedEdu.Compute.Chemistry.Rings;

/// <summary>Perceived rings: the smallest set of smallest rings (SSSR) and per-atom/per-bond membership counts.</summary>
public sealed class RingInfo
{
    internal RingInfo(List<int[]> atomRings, List<int[]> bondRings, int atomCount, int bondCount)
    {
        AtomRings = atomRings;
        BondRings = bondRings;
        AtomRingCount = new int[atomCount];
        BondRingCount = new int[bondCount];
        foreach (var ring in atomRings)
        {
            foreach (int a in ring)
            {
                AtomRingCount[a]++;
            }
        }

        foreach (var ring in bondRings)
        {
            foreach (int b in ring)
            {
                BondRingCount[b]++;
            }
        }
    }

    /// <summary>Each ring as atom indices in cycle order.</summary>
    public IReadOnlyList<int[]> AtomRings { get; }

    /// <summary>Each ring as bond indices, parallel to <see cref="AtomRings"/>.</summary>
    public IReadOnlyList<int[]> BondRings { get; }

    /// <summary>Number of rings each atom belongs to.</summary>
    public int[] AtomRingCount { get; }

    /// <summary>Number of rings each bond belongs to.</summary>
    public int[] BondRingCount { get; }

    /// <summary>Number of rings.</summary>
    public int Count => AtomRings.Count;

    /// <summary>True when the atom is in at least one ring.</summary>
    public bool IsInRing(int atomIndex) => AtomRingCount[atomIndex] > 0;

    /// <summary>True when the bond is in at least one ring.</summary>
    public bool IsBondInRing(int bondIndex) => BondRingCount[bondIndex] > 0;

    /// <summary>True when the atom is in a ring of exactly <paramref name="size"/> atoms.</summary>
    public bool IsInRingOfSize(int atomIndex, int size)
    {
        foreach (var ring in AtomRings)
        {
            if (ring.Length == size && Array.IndexOf(ring, atomIndex) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Size of the smallest ring containing the atom, or 0.</summary>
    public int SmallestRingSize(int atomIndex)
    {
        int best = 0;
        foreach (var ring in AtomRings)
        {
            if ((best == 0 || ring.Length < best) && Array.IndexOf(ring, atomIndex) >= 0)
            {
                best = ring.Length;
            }
        }

        return best;
    }
}
