using MedEdu.Compute.Chemistry.Elements;
using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Aromaticity;

/// <summary>
/// RDKit's default aromaticity model on a Kekulé structure: each ring atom is classed by the
/// electrons it can give the pi system; single rings and fused combinations of up to six
/// edge-sharing rings that satisfy Hückel's 4n+2 rule become aromatic.
/// </summary>
public static class AromaticityPerception
{
    private const int MaxFusedRings = 6;
    private const int MaxFusedAromaticRingSize = 24;

    private enum Donor
    {
        Vacant,
        One,
        Two,
        OneOrTwo,
        Any,
        None,
    }

    /// <summary>Marks aromatic atoms and bonds (aromatic bonds get <see cref="BondOrder.Aromatic"/>).</summary>
    public static void Apply(Molecule molecule)
    {
        var rings = molecule.Rings;
        if (rings.Count == 0)
        {
            return;
        }

        int n = molecule.Atoms.Count;
        var donor = new Donor[n];
        var seen = new bool[n];
        var isCandidate = new bool[n];
        var candidateRings = new List<int>();
        for (int r = 0; r < rings.Count; r++)
        {
            bool allCandidates = true, allDummy = true;
            foreach (int a in rings.AtomRings[r])
            {
                var atom = molecule.Atoms[a];
                if (atom.AtomicNumber != 0)
                {
                    allDummy = false;
                }

                if (!seen[a])
                {
                    seen[a] = true;
                    donor[a] = DonorType(molecule, atom);
                    isCandidate[a] = IsCandidate(atom, donor[a]);
                }

                if (!isCandidate[a])
                {
                    allCandidates = false;
                }
            }

            if (allCandidates && !allDummy)
            {
                candidateRings.Add(r);
            }
        }

        if (candidateRings.Count == 0)
        {
            return;
        }

        // Rings are neighbours when they share exactly one bond (bridged rings are not fused).
        int c = candidateRings.Count;
        var ringBonds = candidateRings.Select(r => new HashSet<int>(rings.BondRings[r])).ToArray();
        var neighbours = new List<int>[c];
        for (int i = 0; i < c; i++)
        {
            neighbours[i] = [];
        }

        var ringsOfBond = new Dictionary<int, List<int>>();
        for (int i = 0; i < c; i++)
        {
            if (ringBonds[i].Count > MaxFusedAromaticRingSize)
            {
                continue;
            }

            foreach (int b in ringBonds[i])
            {
                (ringsOfBond.TryGetValue(b, out var list) ? list : ringsOfBond[b] = []).Add(i);
            }
        }

        var shared = new Dictionary<(int, int), int>();
        foreach (var list in ringsOfBond.Values)
        {
            for (int x = 0; x < list.Count; x++)
            {
                for (int y = x + 1; y < list.Count; y++)
                {
                    var key = (Math.Min(list[x], list[y]), Math.Max(list[x], list[y]));
                    shared[key] = shared.GetValueOrDefault(key) + 1;
                }
            }
        }

        foreach (var ((i, j), count) in shared)
        {
            if (count == 1)
            {
                neighbours[i].Add(j);
                neighbours[j].Add(i);
            }
        }

        foreach (var list in neighbours)
        {
            list.Sort();
        }

        var done = new bool[c];
        for (int start = 0; start < c; start++)
        {
            if (done[start])
            {
                continue;
            }

            var system = new List<int>();
            var stack = new Stack<int>();
            stack.Push(start);
            done[start] = true;
            while (stack.Count > 0)
            {
                int r = stack.Pop();
                system.Add(r);
                foreach (int nb in neighbours[r])
                {
                    if (!done[nb])
                    {
                        done[nb] = true;
                        stack.Push(nb);
                    }
                }
            }

            system.Sort();
            ApplyToFusedSystem(molecule, rings, candidateRings, ringBonds, system, neighbours, donor);
        }
    }

    private static void ApplyToFusedSystem(Molecule molecule, Rings.RingInfo rings, List<int> candidateRings, HashSet<int>[] ringBonds,
        List<int> system, List<int>[] neighbours, Donor[] donor)
    {
        var systemBonds = new HashSet<int>();
        foreach (int r in system)
        {
            systemBonds.UnionWith(ringBonds[r]);
        }

        var doneBonds = new HashSet<int>();
        int nrings = system.Count;
        var counts = new int[molecule.Atoms.Count];
        var subsets = ConnectedSubsets(system, neighbours, Math.Min(nrings, MaxFusedRings));
        for (int size = 1; size <= Math.Min(nrings, MaxFusedRings); size++)
        {
            if (doneBonds.Count >= systemBonds.Count || (size == 3 && nrings > 300))
            {
                break;
            }

            foreach (var chosen in subsets[size])
            {
                Array.Clear(counts);
                foreach (int r in chosen)
                {
                    foreach (int a in rings.AtomRings[candidateRings[r]])
                    {
                        counts[a]++;
                    }
                }

                if (!Huckel(counts, donor))
                {
                    continue;
                }

                foreach (int r in chosen)
                {
                    foreach (int a in rings.AtomRings[candidateRings[r]])
                    {
                        molecule.Atoms[a].IsAromatic = true;
                    }
                }

                var bondCount = new Dictionary<int, int>();
                foreach (int r in chosen)
                {
                    foreach (int b in ringBonds[r])
                    {
                        bondCount[b] = bondCount.GetValueOrDefault(b) + 1;
                    }
                }

                foreach (var (b, count) in bondCount)
                {
                    if (count != 1)
                    {
                        continue;
                    }

                    var bond = molecule.Bonds[b];
                    bond.IsAromatic = true;
                    if (bond.Order is BondOrder.Single or BondOrder.Double)
                    {
                        bond.Order = BondOrder.Aromatic;
                    }

                    doneBonds.Add(b);
                }
            }
        }
    }

    /// <summary>
    /// Every connected set of up to <paramref name="maxSize"/> rings of a fused system, by size:
    /// what RDKit gets by filtering all combinations for fusion, without enumerating the rest.
    /// </summary>
    private static List<List<int[]>> ConnectedSubsets(List<int> system, List<int>[] neighbours, int maxSize)
    {
        var bySize = new List<List<int[]>>();
        for (int i = 0; i <= maxSize; i++)
        {
            bySize.Add([]);
        }

        var seen = new HashSet<string>();
        var frontier = system.Select(r => new[] { r }).ToList();
        bySize[1].AddRange(frontier);
        for (int size = 2; size <= maxSize; size++)
        {
            var next = new List<int[]>();
            foreach (var subset in frontier)
            {
                foreach (int r in subset)
                {
                    foreach (int nb in neighbours[r])
                    {
                        if (Array.IndexOf(subset, nb) >= 0)
                        {
                            continue;
                        }

                        var grown = subset.Append(nb).Order().ToArray();
                        if (seen.Add(string.Join(',', grown)))
                        {
                            next.Add(grown);
                        }
                    }
                }
            }

            bySize[size].AddRange(next);
            frontier = next;
            if (frontier.Count > 200_000)
            {
                break;
            }
        }

        return bySize;
    }

    private static bool Huckel(int[] counts, Donor[] donor)
    {
        int low = 0, high = 0, any = 0;
        for (int a = 0; a < counts.Length; a++)
        {
            if (counts[a] is not (1 or 2))
            {
                continue;
            }

            var d = donor[a];
            if (d == Donor.Any && ++any > 1)
            {
                return false;
            }

            (int lo, int hi) = d switch
            {
                Donor.Any or Donor.OneOrTwo => (1, 2),
                Donor.One => (1, 1),
                Donor.Two => (2, 2),
                _ => (0, 0),
            };
            low += lo;
            high += hi;
        }

        if (high >= 6)
        {
            for (int e = low; e <= high; e++)
            {
                if ((e - 2) % 4 == 0)
                {
                    return true;
                }
            }

            return false;
        }

        return high == 2;
    }

    /// <summary>RDKit's countAtomElec: electrons an atom can put into a pi system, or -1.</summary>
    private static int CountElectrons(Molecule molecule, Atom atom)
    {
        var element = PeriodicTable.Get(atom.AtomicNumber);
        int dv = element.DefaultValence;
        if (dv <= 1)
        {
            return -1;
        }

        int degree = atom.Degree + atom.TotalHydrogens;
        foreach (var b in atom.Bonds)
        {
            if (Math.Round(b.ValenceContribution, MidpointRounding.AwayFromZero) == 0)
            {
                degree--;
            }
        }

        if (degree > 3)
        {
            return -1;
        }

        int lonePair = Math.Max(element.OuterElectrons - dv - atom.Charge, 0);
        int res = dv - degree + lonePair - atom.RadicalElectrons;
        if (res > 1 && ExplicitValence(atom) - atom.Degree > 1)
        {
            res = 1;
        }

        return res;
    }

    private static int ExplicitValence(Atom atom) => Valence.Explicit(atom, strict: false);

    private static Donor DonorType(Molecule molecule, Atom atom)
    {
        if (atom.AtomicNumber == 0)
        {
            return IncidentCyclicMultipleBond(molecule, atom) ? Donor.One : Donor.Any;
        }

        int electrons = CountElectrons(molecule, atom);
        if (electrons < 0)
        {
            return Donor.None;
        }

        var exocyclic = IncidentNonCyclicMultipleBond(molecule, atom);
        if (electrons == 0)
        {
            return exocyclic is not null ? Donor.Vacant
                : IncidentCyclicMultipleBond(molecule, atom) ? Donor.One
                : Donor.None;
        }

        if (electrons == 1)
        {
            if (exocyclic is not null)
            {
                return PeriodicTable.MoreElectronegative(exocyclic.AtomicNumber, atom.AtomicNumber) ? Donor.Vacant : Donor.One;
            }

            if (IncidentMultipleBond(atom))
            {
                return Donor.One;
            }

            return atom.Charge == 1 ? Donor.Vacant : Donor.None;
        }

        if (exocyclic is not null && PeriodicTable.MoreElectronegative(exocyclic.AtomicNumber, atom.AtomicNumber))
        {
            electrons--;
        }

        return electrons % 2 == 1 ? Donor.One : Donor.Two;
    }

    private static bool IsCandidate(Atom atom, Donor donor)
    {
        if (atom.AtomicNumber > 18 && atom.AtomicNumber is not (34 or 52))
        {
            return false;
        }

        if (donor is Donor.None)
        {
            return false;
        }

        int dv = PeriodicTable.Get(atom.AtomicNumber).DefaultValence;
        int isoelectronic = atom.AtomicNumber - atom.Charge;
        if (dv > 0 && isoelectronic >= 0 && isoelectronic <= PeriodicTable.MaxAtomicNumber
            && ExplicitValence(atom) + atom.ImplicitHydrogens > PeriodicTable.Get(isoelectronic).DefaultValence)
        {
            return false;
        }

        if (atom.RadicalElectrons != 0 && (atom.AtomicNumber != 6 || atom.Charge != 0))
        {
            return false;
        }

        if (ExplicitValence(atom) - atom.Degree > 1)
        {
            int multiple = 0;
            foreach (var b in atom.Bonds)
            {
                if (b.Order is BondOrder.Double or BondOrder.Triple)
                {
                    multiple++;
                }
            }

            if (multiple > 1)
            {
                return false;
            }
        }

        return true;
    }

    private static Atom? IncidentNonCyclicMultipleBond(Molecule molecule, Atom atom)
    {
        foreach (var b in atom.Bonds)
        {
            if (!molecule.Rings.IsBondInRing(b.Index) && b.ValenceContribution >= 2)
            {
                return b.Other(atom);
            }
        }

        return null;
    }

    private static bool IncidentCyclicMultipleBond(Molecule molecule, Atom atom)
    {
        foreach (var b in atom.Bonds)
        {
            if (molecule.Rings.IsBondInRing(b.Index) && b.ValenceContribution >= 2)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IncidentMultipleBond(Atom atom)
    {
        int degree = atom.Degree + atom.ExplicitHydrogens;
        foreach (var b in atom.Bonds)
        {
            if (Math.Round(b.ValenceContribution, MidpointRounding.AwayFromZero) == 0)
            {
                degree--;
            }
        }

        return ExplicitValence(atom) != degree;
    }
}
