using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Rings;

/// <summary>
/// Finds the smallest set of smallest rings as a minimum cycle basis: ring bonds are the
/// non-bridges; in each ring system the candidate cycles (Horton's set: two shortest paths from
/// an atom to the ends of a bond) are taken shortest first when independent over GF(2).
/// </summary>
public static class RingFinder
{
    /// <summary>Largest ring system (atoms) perceived; beyond it molecules are refused rather than slow.</summary>
    public const int MaxRingSystemAtoms = 1000;

    /// <summary>Perceives the rings of <paramref name="molecule"/>.</summary>
    /// <exception cref="RingPerceptionException">A ring system is larger than <see cref="MaxRingSystemAtoms"/>.</exception>
    public static RingInfo Find(Molecule molecule)
    {
        int n = molecule.Atoms.Count;
        var isRingBond = FindRingBonds(molecule);
        var atomRings = new List<int[]>();
        var bondRings = new List<int[]>();
        var system = new int[n];
        Array.Fill(system, -1);
        int systems = 0;
        for (int start = 0; start < n; start++)
        {
            if (system[start] >= 0 || !HasRingBond(molecule.Atoms[start], isRingBond))
            {
                continue;
            }

            var atoms = new List<int>();
            var stack = new Stack<int>();
            stack.Push(start);
            system[start] = systems;
            while (stack.Count > 0)
            {
                int a = stack.Pop();
                atoms.Add(a);
                foreach (var b in molecule.Atoms[a].Bonds)
                {
                    if (!isRingBond[b.Index])
                    {
                        continue;
                    }

                    int o = b.Other(molecule.Atoms[a]).Index;
                    if (system[o] < 0)
                    {
                        system[o] = systems;
                        stack.Push(o);
                    }
                }
            }

            if (atoms.Count > MaxRingSystemAtoms)
            {
                throw new RingPerceptionException($"a ring system of {atoms.Count} atoms is over the {MaxRingSystemAtoms}-atom limit");
            }

            FindSystemRings(molecule, atoms, isRingBond, atomRings, bondRings);
            systems++;
        }

        return new RingInfo(atomRings, bondRings, n, molecule.Bonds.Count);
    }

    private static bool HasRingBond(Atom atom, bool[] isRingBond)
    {
        foreach (var b in atom.Bonds)
        {
            if (isRingBond[b.Index])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Marks bonds that are not bridges (iterative Tarjan lowlink).</summary>
    private static bool[] FindRingBonds(Molecule molecule)
    {
        int n = molecule.Atoms.Count;
        var ring = new bool[molecule.Bonds.Count];
        var order = new int[n];
        var low = new int[n];
        Array.Fill(order, -1);
        int counter = 0;
        var stack = new Stack<(int Atom, int ParentBond, int Next)>();
        for (int root = 0; root < n; root++)
        {
            if (order[root] >= 0)
            {
                continue;
            }

            order[root] = low[root] = counter++;
            stack.Push((root, -1, 0));
            while (stack.Count > 0)
            {
                var (a, parentBond, next) = stack.Pop();
                var bonds = molecule.Atoms[a].Bonds;
                if (next < bonds.Count)
                {
                    stack.Push((a, parentBond, next + 1));
                    var bond = bonds[next];
                    if (bond.Index == parentBond)
                    {
                        continue;
                    }

                    int o = bond.Other(molecule.Atoms[a]).Index;
                    if (order[o] < 0)
                    {
                        order[o] = low[o] = counter++;
                        stack.Push((o, bond.Index, 0));
                    }
                    else
                    {
                        // A bond back to an atom already visited closes a cycle.
                        low[a] = Math.Min(low[a], order[o]);
                        ring[bond.Index] = true;
                    }
                }
                else if (parentBond >= 0)
                {
                    int parent = molecule.Bonds[parentBond].Other(molecule.Atoms[a]).Index;
                    low[parent] = Math.Min(low[parent], low[a]);
                    if (low[a] <= order[parent])
                    {
                        ring[parentBond] = true;
                    }
                }
            }
        }

        return ring;
    }

    private static void FindSystemRings(Molecule molecule, List<int> atoms, bool[] isRingBond, List<int[]> atomRings, List<int[]> bondRings)
    {
        var local = new Dictionary<int, int>(atoms.Count);
        atoms.Sort();
        for (int i = 0; i < atoms.Count; i++)
        {
            local[atoms[i]] = i;
        }

        var edges = new List<Bond>();
        foreach (int a in atoms)
        {
            foreach (var b in molecule.Atoms[a].Bonds)
            {
                // Each ring bond once, from its lower-index end.
                if (isRingBond[b.Index] && b.Other(molecule.Atoms[a]).Index > a)
                {
                    edges.Add(b);
                }
            }
        }

        edges.Sort((x, y) => x.Index.CompareTo(y.Index));

        int nRings = edges.Count - atoms.Count + 1;
        if (nRings <= 0)
        {
            return;
        }

        if (nRings == 1)
        {
            // The whole system is one simple cycle.
            var all = new ulong[(edges.Count + 63) / 64];
            for (int i = 0; i < edges.Count; i++)
            {
                all[i >> 6] |= 1UL << (i & 63);
            }

            var (cycleAtoms, cycleBonds) = Trace(all, edges);
            atomRings.Add(cycleAtoms);
            bondRings.Add(cycleBonds);
            return;
        }

        var edgeIndex = new Dictionary<int, int>(edges.Count);
        for (int i = 0; i < edges.Count; i++)
        {
            edgeIndex[edges[i].Index] = i;
        }

        int words = (edges.Count + 63) / 64;
        var candidates = new List<ulong[]>();
        var seen = new HashSet<string>();
        int v = atoms.Count;
        var dist = new int[v];
        var parentEdge = new int[v];
        var queue = new Queue<int>();
        for (int root = 0; root < v; root++)
        {
            Array.Fill(dist, -1);
            dist[root] = 0;
            parentEdge[root] = -1;
            queue.Enqueue(root);
            while (queue.Count > 0)
            {
                int a = queue.Dequeue();
                var atom = molecule.Atoms[atoms[a]];
                foreach (var b in atom.Bonds)
                {
                    if (!edgeIndex.TryGetValue(b.Index, out int e))
                    {
                        continue;
                    }

                    int o = local[b.Other(atom).Index];
                    if (dist[o] < 0)
                    {
                        dist[o] = dist[a] + 1;
                        parentEdge[o] = e;
                        queue.Enqueue(o);
                    }
                }
            }

            foreach (var edge in edges)
            {
                int x = local[edge.Begin.Index], y = local[edge.End.Index];
                int e = edgeIndex[edge.Index];
                if (parentEdge[x] == e || parentEdge[y] == e)
                {
                    continue;
                }

                // Paths root->x and root->y must meet only at root.
                var pathX = PathEdges(x, parentEdge, edges, local);
                var pathY = PathEdges(y, parentEdge, edges, local);
                if (!Disjoint(pathX, pathY, edges, local, root))
                {
                    continue;
                }

                var bits = new ulong[words];
                foreach (int pe in pathX)
                {
                    bits[pe >> 6] ^= 1UL << (pe & 63);
                }

                foreach (int pe in pathY)
                {
                    bits[pe >> 6] ^= 1UL << (pe & 63);
                }

                bits[e >> 6] ^= 1UL << (e & 63);
                if (seen.Add(string.Join(',', bits)))
                {
                    candidates.Add(bits);
                }
            }
        }

        candidates.Sort((a, b) => PopCount(a).CompareTo(PopCount(b)));
        var basis = new List<(ulong[] Reduced, int Pivot)>();
        var selected = new List<ulong[]>();
        foreach (var candidate in candidates)
        {
            var reduced = (ulong[])candidate.Clone();
            foreach (var (row, pivot) in basis)
            {
                if ((reduced[pivot >> 6] & (1UL << (pivot & 63))) != 0)
                {
                    for (int w = 0; w < words; w++)
                    {
                        reduced[w] ^= row[w];
                    }
                }
            }

            int lead = FirstBit(reduced);
            if (lead < 0)
            {
                continue;
            }

            basis.Add((reduced, lead));
            selected.Add(candidate);
            var (ringAtoms, ringBonds) = Trace(candidate, edges);
            atomRings.Add(ringAtoms);
            bondRings.Add(ringBonds);
            if (basis.Count == nRings)
            {
                break;
            }
        }

        AddSymmetricRings(candidates, selected, edges, words, atomRings, bondRings);
    }

    /// <summary>
    /// RDKit's symmetrized SSSR: a cycle left out of the basis joins the rings when it has the size
    /// of a basis ring, shares a bond with it and contains every bond that only that ring covers
    /// (e.g. the third six-ring of bicyclo[2.2.2]octane or of pinane).
    /// </summary>
    private static void AddSymmetricRings(List<ulong[]> candidates, List<ulong[]> selected, List<Bond> edges, int words, List<int[]> atomRings, List<int[]> bondRings)
    {
        var bondCounts = new int[edges.Count];
        foreach (var ring in selected)
        {
            for (int e = 0; e < edges.Count; e++)
            {
                if ((ring[e >> 6] & (1UL << (e & 63))) != 0)
                {
                    bondCounts[e]++;
                }
            }
        }

        int maxSize = selected.Max(PopCount);
        foreach (var candidate in candidates)
        {
            int size = PopCount(candidate);
            if (size > maxSize)
            {
                break;
            }

            if (selected.Any(r => r.AsSpan().SequenceEqual(candidate)))
            {
                continue;
            }

            foreach (var ring in selected)
            {
                if (PopCount(ring) != size)
                {
                    continue;
                }

                bool shares = false, coversUnique = true;
                for (int e = 0; e < edges.Count && coversUnique; e++)
                {
                    ulong bit = 1UL << (e & 63);
                    if ((ring[e >> 6] & bit) == 0)
                    {
                        continue;
                    }

                    bool inCandidate = (candidate[e >> 6] & bit) != 0;
                    shares |= inCandidate;
                    if (bondCounts[e] == 1 && !inCandidate)
                    {
                        coversUnique = false;
                    }
                }

                if (shares && coversUnique)
                {
                    var (ringAtoms, ringBonds) = Trace(candidate, edges);
                    atomRings.Add(ringAtoms);
                    bondRings.Add(ringBonds);
                    break;
                }
            }
        }
    }

    private static List<int> PathEdges(int target, int[] parentEdge, List<Bond> edges, Dictionary<int, int> local)
    {
        var path = new List<int>();
        int current = target;
        while (parentEdge[current] >= 0)
        {
            int e = parentEdge[current];
            path.Add(e);
            var bond = edges[e];
            int b = local[bond.Begin.Index], en = local[bond.End.Index];
            current = b == current ? en : b;
        }

        return path;
    }

    private static bool Disjoint(List<int> pathX, List<int> pathY, List<Bond> edges, Dictionary<int, int> local, int root)
    {
        var atomsX = new HashSet<int>();
        foreach (int e in pathX)
        {
            atomsX.Add(local[edges[e].Begin.Index]);
            atomsX.Add(local[edges[e].End.Index]);
        }

        foreach (int e in pathY)
        {
            foreach (int a in new[] { local[edges[e].Begin.Index], local[edges[e].End.Index] })
            {
                if (a != root && atomsX.Contains(a))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Orders a cycle's edges into atom and bond sequences.</summary>
    private static (int[] Atoms, int[] Bonds) Trace(ulong[] bits, List<Bond> edges)
    {
        var ringBonds = new List<Bond>();
        for (int e = 0; e < edges.Count; e++)
        {
            if ((bits[e >> 6] & (1UL << (e & 63))) != 0)
            {
                ringBonds.Add(edges[e]);
            }
        }

        var atomOrder = new List<int>(ringBonds.Count);
        var bondOrder = new List<int>(ringBonds.Count);
        var remaining = new List<Bond>(ringBonds);
        var first = remaining.OrderBy(b => Math.Min(b.Begin.Index, b.End.Index)).First();
        remaining.Remove(first);
        int start = Math.Min(first.Begin.Index, first.End.Index);
        int current = first.Begin.Index == start ? first.End.Index : first.Begin.Index;
        atomOrder.Add(start);
        bondOrder.Add(first.Index);
        while (current != start && remaining.Count > 0)
        {
            atomOrder.Add(current);
            var next = remaining.First(b => b.Begin.Index == current || b.End.Index == current);
            remaining.Remove(next);
            bondOrder.Add(next.Index);
            current = next.Begin.Index == current ? next.End.Index : next.Begin.Index;
        }

        return ([.. atomOrder], [.. bondOrder]);
    }

    private static int PopCount(ulong[] bits)
    {
        int c = 0;
        foreach (ulong w in bits)
        {
            c += System.Numerics.BitOperations.PopCount(w);
        }

        return c;
    }

    private static int FirstBit(ulong[] bits)
    {
        for (int w = 0; w < bits.Length; w++)
        {
            if (bits[w] != 0)
            {
                return (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits[w]);
            }
        }

        return -1;
    }
}

/// <summary>Rings could not be perceived within the limits.</summary>
public sealed class RingPerceptionException(string message) : Exception(message);
