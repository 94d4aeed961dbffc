using MedEdu.Compute.Chemistry.Elements;
using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Aromaticity;

/// <summary>
/// Turns aromatic input (lowercase atoms, ':' bonds) into a Kekulé structure: aromatic atoms that
/// need a double bond (RDKit's candidate rules) are paired along ring bonds by a bounded
/// backtracking search; everything else gets single bonds.
/// </summary>
public static class Kekulizer
{
    private const int MaxSteps = 200_000;

    /// <summary>Kekulizes in place; aromatic flags are cleared for perception to set again.</summary>
    /// <exception cref="ChemistryException">An atom marked aromatic is in no ring, or no Kekulé structure exists.</exception>
    public static void Kekulize(Molecule molecule)
    {
        bool any = false;
        foreach (var atom in molecule.Atoms)
        {
            if (Valence.IsAromaticAtom(atom))
            {
                any = true;
                break;
            }
        }

        if (!any)
        {
            return;
        }

        var rings = molecule.Rings;
        int n = molecule.Atoms.Count;
        var isAromatic = new bool[n];
        var totalValence = new int[n];
        foreach (var atom in molecule.Atoms)
        {
            isAromatic[atom.Index] = Valence.IsAromaticAtom(atom);
            totalValence[atom.Index] = Valence.Explicit(atom, strict: false) + atom.ImplicitHydrogens;
        }

        foreach (var atom in molecule.Atoms)
        {
            if (atom.IsAromatic && !rings.IsInRing(atom.Index))
            {
                throw new ChemistryException($"non-ring atom {atom.Index} ({atom.Symbol}) is marked aromatic", atom.Index);
            }
        }

        var candidate = new bool[n];
        foreach (var atom in molecule.Atoms)
        {
            if (isAromatic[atom.Index] && rings.IsInRing(atom.Index))
            {
                candidate[atom.Index] = NeedsDoubleBond(atom, totalValence[atom.Index]);
            }
        }

        // Aromatic bonds become single; the pairing below raises some to double.
        var pairable = new List<Bond>[n];
        foreach (var bond in molecule.Bonds)
        {
            if (!(bond.IsAromatic || bond.Order == BondOrder.Aromatic))
            {
                continue;
            }

            bond.Order = BondOrder.Single;
            bond.IsAromatic = false;
            if (rings.IsBondInRing(bond.Index) && candidate[bond.Begin.Index] && candidate[bond.End.Index])
            {
                (pairable[bond.Begin.Index] ??= []).Add(bond);
                (pairable[bond.End.Index] ??= []).Add(bond);
            }
        }

        if (!Pair(molecule, candidate, pairable, out int stuck))
        {
            throw new ChemistryException($"can't kekulize: no alternating single/double bond structure gives aromatic atom {stuck} ({molecule.Atoms[stuck].Symbol}) a double bond", stuck);
        }

        foreach (var atom in molecule.Atoms)
        {
            if (atom.IsAromatic)
            {
                atom.IsAromatic = false;
                if (atom.AtomicNumber is 7 or 15 && atom.Charge == 0 && atom.ExplicitHydrogens == 1 && atom.NoImplicit)
                {
                    // [nH] becomes a plain N whose hydrogen is implicit, as in RDKit.
                    atom.NoImplicit = false;
                    atom.ExplicitHydrogens = 0;
                    atom.ImplicitHydrogens = Valence.ImplicitHydrogens(atom, Valence.Explicit(atom, strict: false), strict: false);
                }
            }
        }
    }

    /// <summary>RDKit's markDbondCands rule for one aromatic ring atom.</summary>
    private static bool NeedsDoubleBond(Atom atom, int totalValence)
    {
        if (atom.AtomicNumber == 0)
        {
            return false;
        }

        int sbo = 0;
        int ignored = 0;
        foreach (var bond in atom.Bonds)
        {
            if (bond.IsAromatic || bond.Order == BondOrder.Aromatic)
            {
                sbo++;
            }
            else
            {
                int contribution = (int)Math.Round(bond.ValenceContribution, MidpointRounding.AwayFromZero);
                sbo += contribution;
                if (contribution == 0)
                {
                    ignored++;
                }
            }
        }

        sbo += atom.TotalHydrogens;
        var element = PeriodicTable.Get(atom.AtomicNumber);
        int chrg = Valence.EffectiveCharge(atom);
        int dv = element.DefaultValence + chrg;
        for (int vi = 1; totalValence > dv && vi < element.Valences.Length && element.Valences[vi] > 0; vi++)
        {
            dv = element.Valences[vi] + chrg;
        }

        int totalDegree = atom.Degree + atom.ImplicitHydrogens - ignored;
        if (totalValence == 5 && sbo == 4 && dv == 3 && totalDegree == 3 && chrg == 0 && atom.TotalHydrogens == 0
            && atom.AtomicNumber is 7 or 15 or 33)
        {
            dv = 5;
        }

        if (totalDegree >= dv)
        {
            return false;
        }

        return dv == sbo + 1 || (atom.NoImplicit && dv == sbo + 2);
    }

    /// <summary>Largest connected set of atoms needing double bonds that is searched.</summary>
    public const int MaxSystemAtoms = 5000;

    /// <summary>Gives every candidate exactly one double bond to another candidate, one connected system at a time.</summary>
    private static bool Pair(Molecule molecule, bool[] candidate, List<Bond>?[] pairable, out int stuck)
    {
        int n = candidate.Length;
        var partner = new Bond?[n];
        var assigned = new bool[n];
        stuck = -1;
        for (int seed = 0; seed < n; seed++)
        {
            if (!candidate[seed] || assigned[seed])
            {
                continue;
            }

            // Collect the connected system of candidates around the seed.
            var system = new List<int>();
            var stack = new Stack<int>();
            stack.Push(seed);
            assigned[seed] = true;
            while (stack.Count > 0)
            {
                int a = stack.Pop();
                system.Add(a);
                if (pairable[a] is not { } bonds)
                {
                    continue;
                }

                foreach (var b in bonds)
                {
                    int o = b.Other(molecule.Atoms[a]).Index;
                    if (!assigned[o])
                    {
                        assigned[o] = true;
                        stack.Push(o);
                    }
                }
            }

            if (system.Count > MaxSystemAtoms)
            {
                stuck = seed;
                throw new ChemistryException($"an aromatic system of {system.Count} atoms is over the {MaxSystemAtoms}-atom limit", seed);
            }

            if (system.Count % 2 == 1 || !PairSystem(molecule, system, partner, pairable, out stuck))
            {
                if (stuck < 0)
                {
                    stuck = system[0];
                }

                return false;
            }
        }

        for (int a = 0; a < n; a++)
        {
            if (candidate[a])
            {
                partner[a]!.Order = BondOrder.Double;
            }
        }

        return true;
    }

    /// <summary>Bounded backtracking over one system, most-constrained atom first.</summary>
    private static bool PairSystem(Molecule molecule, List<int> todo, Bond?[] partner, List<Bond>?[] pairable, out int stuck)
    {
        stuck = -1;
        int steps = 0;
        var trail = new Stack<(int Atom, int Choice)>();
        int unmatched = todo.Count;
        while (unmatched > 0)
        {
            int best = -1, bestOptions = int.MaxValue;
            foreach (int a in todo)
            {
                if (partner[a] is not null)
                {
                    continue;
                }

                int options = 0;
                if (pairable[a] is { } bonds)
                {
                    foreach (var b in bonds)
                    {
                        if (partner[b.Other(molecule.Atoms[a]).Index] is null)
                        {
                            options++;
                        }
                    }
                }

                if (options < bestOptions)
                {
                    best = a;
                    bestOptions = options;
                    if (options <= 1)
                    {
                        break;
                    }
                }
            }

            if (!TryChoose(molecule, best, 0, partner, pairable))
            {
                stuck = best;
                bool resumed = false;
                while (trail.Count > 0 && !resumed)
                {
                    var (atom, choice) = trail.Pop();
                    var bond = partner[atom]!;
                    partner[bond.Begin.Index] = null;
                    partner[bond.End.Index] = null;
                    unmatched += 2;
                    if (++steps > MaxSteps)
                    {
                        return false;
                    }

                    for (int next = choice + 1; pairable[atom] is { } list && next < list.Count; next++)
                    {
                        if (TryChoose(molecule, atom, next, partner, pairable, exact: true))
                        {
                            trail.Push((atom, next));
                            unmatched -= 2;
                            resumed = true;
                            break;
                        }
                    }
                }

                if (!resumed)
                {
                    return false;
                }

                continue;
            }

            trail.Push((best, pairable[best]!.IndexOf(partner[best]!)));
            unmatched -= 2;
            if (++steps > MaxSteps)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryChoose(Molecule molecule, int atom, int from, Bond?[] partner, List<Bond>?[] pairable, bool exact = false)
    {
        if (pairable[atom] is not { } bonds)
        {
            return false;
        }

        for (int i = from; i < bonds.Count; i++)
        {
            var bond = bonds[i];
            int other = bond.Other(molecule.Atoms[atom]).Index;
            if (partner[other] is null)
            {
                partner[atom] = bond;
                partner[other] = bond;
                return true;
            }

            if (exact)
            {
                return false;
            }
        }

        return false;
    }
}
