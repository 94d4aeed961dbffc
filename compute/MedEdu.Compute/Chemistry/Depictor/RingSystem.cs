using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Depictor;

/// <summary>Rings that share atoms (fused, spiro or bridged), laid out together as one rigid piece.</summary>
/// <param name="Atoms">Atom indices of the system.</param>
/// <param name="Rings">The system's SSSR rings, each as atom indices in cycle order.</param>
public sealed record RingSystem(IReadOnlyList<int> Atoms, IReadOnlyList<int[]> Rings)
{
    /// <summary>The molecule's rings, or null when a ring system is too large to perceive: the drawing then treats it as a plain graph.</summary>
    public static Rings.RingInfo? RingsOf(Molecule molecule)
    {
        try
        {
            return molecule.Rings;
        }
        catch (Rings.RingPerceptionException)
        {
            return null;
        }
    }

    /// <summary>Groups a molecule's SSSR rings into systems; <paramref name="systemOfAtom"/> gives each atom's system index or -1.</summary>
    public static List<RingSystem> Find(Molecule molecule, out int[] systemOfAtom)
    {
        systemOfAtom = new int[molecule.Atoms.Count];
        Array.Fill(systemOfAtom, -1);
        if (RingsOf(molecule)?.AtomRings is not { } rings)
        {
            return [];
        }

        // Union-find over rings: two rings sharing an atom are one system.
        var parent = Enumerable.Range(0, rings.Count).ToArray();
        int Root(int r)
        {
            while (parent[r] != r)
            {
                parent[r] = parent[parent[r]];
                r = parent[r];
            }

            return r;
        }

        var firstRingOfAtom = new int[molecule.Atoms.Count];
        Array.Fill(firstRingOfAtom, -1);
        for (int r = 0; r < rings.Count; r++)
        {
            foreach (int a in rings[r])
            {
                if (firstRingOfAtom[a] < 0)
                {
                    firstRingOfAtom[a] = r;
                }
                else
                {
                    parent[Root(r)] = Root(firstRingOfAtom[a]);
                }
            }
        }

        var byRoot = new Dictionary<int, List<int>>();
        for (int r = 0; r < rings.Count; r++)
        {
            int root = Root(r);
            if (!byRoot.TryGetValue(root, out var list))
            {
                byRoot[root] = list = [];
            }

            list.Add(r);
        }

        var systems = new List<RingSystem>();
        foreach (var ringIds in byRoot.Values)
        {
            var atoms = new SortedSet<int>();
            foreach (int r in ringIds)
            {
                atoms.UnionWith(rings[r]);
            }

            foreach (int a in atoms)
            {
                systemOfAtom[a] = systems.Count;
            }

            systems.Add(new RingSystem([.. atoms], ringIds.Select(r => rings[r]).ToList()));
        }

        return systems;
    }
}
