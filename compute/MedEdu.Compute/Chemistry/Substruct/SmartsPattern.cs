using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Substruct;

/// <summary>
/// A compiled SMARTS query: atom and bond expressions (with recursive SMARTS) over a query graph,
/// matched by backtracking search.
/// </summary>
public sealed class SmartsPattern
{
    internal SmartsPattern(string smarts, List<QueryAtom> atoms, List<QueryBond> bonds)
    {
        Smarts = smarts;
        Atoms = atoms;
        Bonds = bonds;
        Order = SearchOrder();
        BondsOf = new QueryBond[atoms.Count][];
        for (int i = 0; i < atoms.Count; i++)
        {
            BondsOf[i] = bonds.Where(b => b.Begin == i || b.End == i).ToArray();
        }

        // The screen: how many atoms of each single named element a match needs, and the sets of
        // query atoms that allow several elements (at least one atom of each must be there).
        RequiredCounts = [.. atoms.Select(a => a.Elements.Single).Where(z => z >= 0).GroupBy(z => z).Select(g => (g.Key, g.Count()))];
        RequiredSets = [.. atoms.Select(a => a.Elements).Where(e => !e.IsAny && e.Single < 0).Distinct()];
    }

    /// <summary>Atoms of one element a match needs, and how many.</summary>
    private (int AtomicNumber, int Count)[] RequiredCounts { get; }

    /// <summary>Element sets of which a match needs an atom each.</summary>
    private ElementSet[] RequiredSets { get; }

    /// <summary>Query bonds at each query atom.</summary>
    private QueryBond[][] BondsOf { get; }

    /// <summary>The SMARTS text.</summary>
    public string Smarts { get; }

    internal List<QueryAtom> Atoms { get; }

    internal List<QueryBond> Bonds { get; }

    /// <summary>Query atoms in the order the search maps them: each after a mapped neighbour when possible.</summary>
    private int[] Order { get; }

    /// <summary>Parses SMARTS text.</summary>
    /// <exception cref="SmartsException">The SMARTS is malformed.</exception>
    public static SmartsPattern Parse(string smarts) => SmartsParser.Parse(smarts);

    /// <summary>
    /// Parses SMARTS whose explicit hydrogen atoms ([#1]) stand for hydrogen counts on their
    /// neighbours, as RDKit reads PAINS (mergeHs): "[#6]-[#1]" matches a carbon with at least one H.
    /// </summary>
    /// <exception cref="SmartsException">The SMARTS is malformed.</exception>
    public static SmartsPattern ParseMergingHydrogens(string smarts) => SmartsParser.Parse(smarts, mergeHydrogens: true);

    /// <summary>True when the pattern occurs in the molecule.</summary>
    public bool IsMatch(Molecule molecule) => IsMatch(new MatchTarget(molecule));

    /// <summary>True when the pattern occurs in the prepared molecule.</summary>
    public bool IsMatch(MatchTarget target)
    {
        bool found = false;
        Search(target, -1, _ =>
        {
            found = true;
            return false;
        });
        return found;
    }

    /// <summary>The first match found (molecule atom indices in query atom order), or null.</summary>
    public int[]? FindFirst(MatchTarget target)
    {
        int[]? first = null;
        Search(target, -1, mapping =>
        {
            first = (int[])mapping.Clone();
            return false;
        });
        return first;
    }

    /// <summary>Number of matches with distinct atom sets (RDKit's uniquified count).</summary>
    public int CountUniqueMatches(Molecule molecule) => CountUniqueMatches(new MatchTarget(molecule));

    /// <summary>Number of matches with distinct atom sets in the prepared molecule.</summary>
    public int CountUniqueMatches(MatchTarget target) => FindMatches(target, unique: true).Count;

    /// <summary>All matches as arrays of molecule atom indices (index i for query atom i).</summary>
    public List<int[]> FindMatches(MatchTarget target, bool unique = true)
    {
        var matches = new List<int[]>();
        var seen = unique ? new HashSet<string>() : null;
        Search(target, -1, mapping =>
        {
            var copy = (int[])mapping.Clone();
            if (seen is null || seen.Add(string.Join(',', copy.Order())))
            {
                matches.Add(copy);
            }

            return true;
        });
        return matches;
    }

    /// <summary>True when query atom 0 may sit on an atom of element <paramref name="atomicNumber"/> (its SMARTS allows the element).</summary>
    internal bool MayStartOn(int atomicNumber) => Atoms.Count > 0 && Atoms[0].Elements.Contains(atomicNumber);

    /// <summary>True when the molecule has the atoms a match needs by element (a necessary condition, cheap to test).</summary>
    internal bool MayOccurIn(MatchTarget target)
    {
        foreach (var (z, count) in RequiredCounts)
        {
            if (target.CountOf(z) < count)
            {
                return false;
            }
        }

        foreach (var set in RequiredSets)
        {
            if ((set & target.Elements).Bits == UInt128.Zero)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when some match maps query atom 0 to <paramref name="atomIndex"/>.</summary>
    public bool MatchesAt(MatchTarget target, int atomIndex)
    {
        // Most answers are decided by the first atom alone; skip the search set-up for them.
        var first = target.Molecule.Atoms[atomIndex];
        if (!MayStartOn(first.AtomicNumber) || !Atoms[0].Matches(first, target))
        {
            return false;
        }

        if (Atoms.Count == 1)
        {
            return true;
        }

        if (!MayOccurIn(target))
        {
            return false;
        }

        bool found = false;
        Search(target, atomIndex, _ =>
        {
            found = true;
            return false;
        });
        return found;
    }

    private int[] SearchOrder()
    {
        var order = new List<int>();
        var placed = new bool[Atoms.Count];
        for (int root = 0; root < Atoms.Count; root++)
        {
            if (placed[root])
            {
                continue;
            }

            var queue = new Queue<int>();
            queue.Enqueue(root);
            placed[root] = true;
            while (queue.Count > 0)
            {
                int a = queue.Dequeue();
                order.Add(a);
                foreach (var b in Bonds)
                {
                    int other = b.Begin == a ? b.End : b.End == a ? b.Begin : -1;
                    if (other >= 0 && !placed[other])
                    {
                        placed[other] = true;
                        queue.Enqueue(other);
                    }
                }
            }
        }

        return [.. order];
    }

    /// <summary>Backtracking search; <paramref name="onMatch"/> returns false to stop.</summary>
    private void Search(MatchTarget target, int anchor, Func<int[], bool> onMatch)
    {
        var molecule = target.Molecule;
        int qn = Atoms.Count;
        if (qn == 0 || qn > molecule.Atoms.Count || (anchor < 0 && !MayOccurIn(target)))
        {
            return;
        }

        var mapping = new int[qn];
        Array.Fill(mapping, -1);
        var used = new bool[molecule.Atoms.Count];
        var queryBondsOf = BondsOf;

        bool Extend(int depth)
        {
            if (depth == qn)
            {
                return onMatch(mapping);
            }

            int q = Order[depth];
            var queryAtom = Atoms[q];

            // Candidates: neighbours of an already mapped query neighbour, else every atom.
            QueryBond? via = null;
            foreach (var b in queryBondsOf[q])
            {
                int other = b.Begin == q ? b.End : b.Begin;
                if (mapping[other] >= 0)
                {
                    via = b;
                    break;
                }
            }

            Atom? anchorAtom = via is null && q == 0 && anchor >= 0 ? molecule.Atoms[anchor] : null;
            Atom? from = via is not null ? molecule.Atoms[mapping[via.Begin == q ? via.End : via.Begin]] : null;
            int candidateCount = from is not null ? from.Degree : anchorAtom is not null ? 1 : molecule.Atoms.Count;
            for (int ci = 0; ci < candidateCount; ci++)
            {
                var atom = from is not null ? from.Bonds[ci].Other(from) : anchorAtom ?? molecule.Atoms[ci];
                if (used[atom.Index] || !queryAtom.Elements.Contains(atom.AtomicNumber) || !queryAtom.Matches(atom, target))
                {
                    continue;
                }

                bool bondsOk = true;
                foreach (var b in queryBondsOf[q])
                {
                    int other = b.Begin == q ? b.End : b.Begin;
                    if (mapping[other] < 0)
                    {
                        continue;
                    }

                    var bond = atom.BondTo(molecule.Atoms[mapping[other]]);
                    if (bond is null || !b.Matches(bond, target))
                    {
                        bondsOk = false;
                        break;
                    }
                }

                if (!bondsOk)
                {
                    continue;
                }

                mapping[q] = atom.Index;
                used[atom.Index] = true;
                bool keepGoing = Extend(depth + 1);
                used[atom.Index] = false;
                mapping[q] = -1;
                if (!keepGoing)
                {
                    return false;
                }
            }

            return true;
        }

        if (anchor >= 0 && Order[0] != 0)
        {
            throw new InvalidOperationException("the search must start at query atom 0");
        }

        Extend(0);
    }

    /// <inheritdoc />
    public override string ToString() => Smarts;
}

/// <summary>A query atom: a predicate over a molecule atom, and the elements it can match.</summary>
internal sealed class QueryAtom(Func<Atom, MatchTarget, bool> predicate, ElementSet elements)
{
    /// <summary>The elements the predicate can be true for (never narrower than the predicate).</summary>
    public ElementSet Elements { get; } = elements;

    public bool Matches(Atom atom, MatchTarget target) => predicate(atom, target);
}

/// <summary>A query bond between two query atoms.</summary>
internal sealed class QueryBond(int begin, int end, Func<Bond, MatchTarget, bool> predicate)
{
    public int Begin { get; } = begin;

    public int End { get; } = end;

    public bool Matches(Bond bond, MatchTarget target) => predicate(bond, target);

    /// <summary>The same bond between renumbered atoms.</summary>
    public QueryBond Renumbered(int begin, int end) => new(begin, end, predicate);
}

/// <summary>A SMARTS string that cannot be parsed.</summary>
public sealed class SmartsException(int position, string reason) : Exception($"{reason} (at position {position})")
{
    /// <summary>0-based position of the problem.</summary>
    public int Position { get; } = position;
}
