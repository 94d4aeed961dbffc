using System.Text;
using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.SmilesParse;

/// <summary>
/// Writes canonical SMILES: atoms are ranked by iterative refinement of graph invariants (ties
/// broken one atom at a time and refined again), then written depth-first from the lowest rank,
/// neighbours in rank order. The same molecule gives the same string whatever order it was read
/// in. Aromatic atoms are written lowercase; stereo marks are not written (the string is the
/// constitution, like RDKit's non-isomeric SMILES).
/// </summary>
public static class SmilesWriter
{
    /// <summary>Canonical SMILES of <paramref name="molecule"/>.</summary>
    public static string Write(Molecule molecule)
    {
        int n = molecule.Atoms.Count;
        if (n == 0)
        {
            return "";
        }

        var rank = CanonicalRanks(molecule);
        var visited = new bool[n];
        var sb = new StringBuilder(n * 2);
        var atomsByRank = Enumerable.Range(0, n).OrderBy(i => rank[i]).ToArray();
        foreach (int start in atomsByRank)
        {
            if (visited[start])
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append('.');
            }

            WriteComponent(molecule, start, rank, visited, sb);
        }

        return sb.ToString();
    }

    /// <summary>Canonical rank of every atom (0-based, all distinct).</summary>
    public static int[] CanonicalRanks(Molecule molecule)
    {
        int n = molecule.Atoms.Count;
        var rings = molecule.Rings;
        var keys = molecule.Atoms.Select(a => (long)a.Degree << 56 | (long)a.AtomicNumber << 48 | (long)(a.Isotope & 0x3FF) << 38
            | (long)(a.Charge + 16 & 0x1F) << 33 | (long)(a.TotalHydrogens & 0xF) << 29 | (a.IsAromatic ? 1L : 0) << 28
            | (rings.IsInRing(a.Index) ? 1L : 0) << 24).ToArray();
        var rank = Densify(keys);
        while (true)
        {
            rank = Refine(molecule, rank);
            int tied = FirstTiedRank(rank, out int atom);
            if (tied < 0)
            {
                return rank;
            }

            // Break the tie: this atom goes first among its equals, then refine again.
            var split = new long[n];
            for (int i = 0; i < n; i++)
            {
                split[i] = (2L * rank[i]) + (rank[i] == tied && i != atom ? 1 : 0);
            }

            rank = Densify(split);
        }
    }

    private static int[] Refine(Molecule molecule, int[] rank)
    {
        int n = rank.Length;
        int classes = rank.Distinct().Count();
        while (true)
        {
            var signatures = new (int Rank, string Neighbors)[n];
            var nbr = new List<long>(6);
            for (int i = 0; i < n; i++)
            {
                nbr.Clear();
                foreach (var b in molecule.Atoms[i].Bonds)
                {
                    nbr.Add(((long)rank[b.Other(molecule.Atoms[i]).Index] << 8) | (long)b.Order);
                }

                nbr.Sort();
                signatures[i] = (rank[i], string.Join(',', nbr));
            }

            var order = Enumerable.Range(0, n)
                .OrderBy(i => signatures[i].Rank)
                .ThenBy(i => signatures[i].Neighbors, StringComparer.Ordinal)
                .ToArray();
            var next = new int[n];
            int r = 0;
            for (int k = 0; k < n; k++)
            {
                if (k > 0 && signatures[order[k]] != signatures[order[k - 1]])
                {
                    r = k;
                }

                next[order[k]] = r;
            }

            int newClasses = next.Distinct().Count();
            rank = next;
            if (newClasses == classes)
            {
                return rank;
            }

            classes = newClasses;
        }
    }

    private static int FirstTiedRank(int[] rank, out int atom)
    {
        var counts = new Dictionary<int, int>();
        foreach (int r in rank)
        {
            counts[r] = counts.GetValueOrDefault(r) + 1;
        }

        int best = -1;
        foreach (var (r, c) in counts)
        {
            if (c > 1 && (best < 0 || r < best))
            {
                best = r;
            }
        }

        atom = best < 0 ? -1 : Array.IndexOf(rank, best);
        return best;
    }

    private static int[] Densify(long[] keys)
    {
        var order = Enumerable.Range(0, keys.Length).OrderBy(i => keys[i]).ToArray();
        var rank = new int[keys.Length];
        for (int k = 0; k < order.Length; k++)
        {
            rank[order[k]] = k > 0 && keys[order[k]] == keys[order[k - 1]] ? rank[order[k - 1]] : k;
        }

        return rank;
    }

    private static void WriteComponent(Molecule molecule, int start, int[] rank, bool[] visited, StringBuilder sb)
    {
        // Pass 1: depth-first tree in rank order; non-tree bonds become ring closures.
        var children = new Dictionary<int, List<int>>();
        var closures = new Dictionary<int, List<Bond>>();
        var treeBond = new HashSet<int>();
        var order = new List<int>();
        var stack = new Stack<(int Atom, int ParentBond)>();
        var seen = new bool[molecule.Atoms.Count];
        stack.Push((start, -1));
        var parentOf = new Dictionary<int, int>();
        while (stack.Count > 0)
        {
            var (a, parentBond) = stack.Pop();
            if (seen[a])
            {
                continue;
            }

            seen[a] = true;
            if (parentBond >= 0)
            {
                treeBond.Add(parentBond);
                int parent = molecule.Bonds[parentBond].Other(molecule.Atoms[a]).Index;
                parentOf[a] = parent;
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(a);
            }

            order.Add(a);
            var next = molecule.Atoms[a].Bonds
                .Where(b => b.Index != parentBond && !seen[b.Other(molecule.Atoms[a]).Index])
                .OrderByDescending(b => rank[b.Other(molecule.Atoms[a]).Index]);
            foreach (var b in next)
            {
                stack.Push((b.Other(molecule.Atoms[a]).Index, b.Index));
            }
        }

        foreach (var bond in molecule.Bonds)
        {
            if (seen[bond.Begin.Index] && !treeBond.Contains(bond.Index))
            {
                (closures.TryGetValue(bond.Begin.Index, out var l1) ? l1 : closures[bond.Begin.Index] = []).Add(bond);
                (closures.TryGetValue(bond.End.Index, out var l2) ? l2 : closures[bond.End.Index] = []).Add(bond);
            }
        }

        // Children must be written in the order they were reached; keep the DFS order.
        var position = new int[molecule.Atoms.Count];
        for (int i = 0; i < order.Count; i++)
        {
            position[order[i]] = i;
        }

        foreach (var list in children.Values)
        {
            list.Sort((x, y) => position[x].CompareTo(position[y]));
        }

        // Pass 2: emit, iteratively (deep chains must not overflow the stack).
        var digits = new Dictionary<int, int>();
        var freeDigits = new SortedSet<int>(Enumerable.Range(1, 99));
        // Tokens: an atom (with the atom it hangs from), or a branch parenthesis.
        var emit = new Stack<(int Atom, int Parent)>();
        const int Open = -1, Close = -2;
        emit.Push((start, -1));
        while (emit.Count > 0)
        {
            var (a, parent) = emit.Pop();
            if (a == Open)
            {
                sb.Append('(');
                continue;
            }

            if (a == Close)
            {
                sb.Append(')');
                continue;
            }

            var atom = molecule.Atoms[a];
            if (parent >= 0)
            {
                sb.Append(BondSymbol(atom.BondTo(molecule.Atoms[parent])!));
            }

            AppendAtom(atom, sb);
            visited[a] = true;
            if (closures.TryGetValue(a, out var ringBonds))
            {
                foreach (var bond in ringBonds.OrderBy(b => digits.ContainsKey(b.Index) ? 0 : 1)
                             .ThenBy(b => digits.GetValueOrDefault(b.Index))
                             .ThenBy(b => rank[b.Other(atom).Index]))
                {
                    if (digits.Remove(bond.Index, out int d))
                    {
                        sb.Append(BondSymbol(bond));
                        AppendDigit(d, sb);
                        freeDigits.Add(d);
                    }
                    else
                    {
                        d = freeDigits.Min;
                        freeDigits.Remove(d);
                        digits[bond.Index] = d;
                        AppendDigit(d, sb);
                    }
                }
            }

            if (children.TryGetValue(a, out var kids))
            {
                // Pushed in reverse: every child but the last is a parenthesised branch.
                for (int i = kids.Count - 1; i >= 0; i--)
                {
                    bool branch = i < kids.Count - 1;
                    if (branch)
                    {
                        emit.Push((Close, -1));
                    }

                    emit.Push((kids[i], a));
                    if (branch)
                    {
                        emit.Push((Open, -1));
                    }
                }
            }
        }
    }

    private static void AppendDigit(int d, StringBuilder sb)
    {
        if (d < 10)
        {
            sb.Append((char)('0' + d));
        }
        else
        {
            sb.Append('%').Append(d);
        }
    }

    private static string BondSymbol(Bond bond)
    {
        bool bothAromatic = bond.Begin.IsAromatic && bond.End.IsAromatic;
        return bond.Order switch
        {
            BondOrder.Aromatic => bothAromatic ? "" : ":",
            BondOrder.Double => "=",
            BondOrder.Triple => "#",
            BondOrder.Quadruple => "$",
            _ => bothAromatic ? "-" : "",
        };
    }

    private static readonly HashSet<int> Organic = [5, 6, 7, 8, 9, 15, 16, 17, 35, 53];
    private static readonly HashSet<int> AromaticOrganic = [5, 6, 7, 8, 15, 16];

    private static void AppendAtom(Atom atom, StringBuilder sb)
    {
        string symbol = atom.AtomicNumber == 0 ? "*" : atom.Symbol;
        if (atom.IsAromatic)
        {
            symbol = symbol.ToLowerInvariant();
        }

        bool bare = atom.Charge == 0 && atom.Isotope == 0 && atom.RadicalElectrons == 0 && atom.AtomClass == 0
            && (atom.AtomicNumber == 0 || (atom.IsAromatic ? AromaticOrganic : Organic).Contains(atom.AtomicNumber))
            && (atom.AtomicNumber == 0 ? atom.TotalHydrogens == 0 : Valence.BareImplicitHydrogens(atom) == atom.TotalHydrogens);
        if (bare)
        {
            sb.Append(symbol);
            return;
        }

        sb.Append('[');
        if (atom.Isotope != 0)
        {
            sb.Append(atom.Isotope);
        }

        sb.Append(symbol);
        int h = atom.TotalHydrogens;
        if (h > 0)
        {
            sb.Append('H');
            if (h > 1)
            {
                sb.Append(h);
            }
        }

        if (atom.Charge != 0)
        {
            sb.Append(atom.Charge > 0 ? '+' : '-');
            if (Math.Abs(atom.Charge) > 1)
            {
                sb.Append(Math.Abs(atom.Charge));
            }
        }

        if (atom.AtomClass != 0)
        {
            sb.Append(':').Append(atom.AtomClass);
        }

        sb.Append(']');
    }
}
