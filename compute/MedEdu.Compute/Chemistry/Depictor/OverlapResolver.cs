using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Depictor;

/// <summary>
/// Removes atom clashes left by the breadth-first layout: mirrors the smaller side of an acyclic
/// bond in that bond's line (which keeps every bond length and angle), or, failing that, swings it
/// about the bond's inner atom; greedily, keeping whichever move lowers the clash score most.
/// </summary>
public static class OverlapResolver
{
    /// <summary>Non-bonded atoms closer than this (in bond lengths) count as clashing.</summary>
    public const double ClashDistance = 0.8;

    private const int MaxRounds = 40;

    /// <summary>Pair evaluations one drawing may spend here, so a huge crowded molecule costs a bounded time.</summary>
    private const long Budget = 40_000_000;

    /// <summary>Resolves clashes among <paramref name="atoms"/> (one component) in place, keeping <paramref name="stereo"/> double bonds as they are drawn.</summary>
    internal static void Resolve(Molecule molecule, Point2[] pos, int[] atoms, IReadOnlyList<DoubleBondStereo.Spec> stereo)
    {
        if (atoms.Length < 4)
        {
            return;
        }

        var clashing = ClashingAtoms(molecule, pos, atoms);
        long spent = (long)atoms.Length * atoms.Length / 2;
        if (clashing.Count == 0)
        {
            return;
        }

        // Marked cis/trans double bonds keep their geometry: never a hinge, and nothing swings about their atoms.
        var fixedBonds = stereo.Select(s => s.Bond).ToHashSet();
        var noSwing = stereo.SelectMany(s => new[] { s.A, s.B }).ToHashSet();
        var hinges = Hinges(molecule, atoms, fixedBonds);
        var inSide = hinges.Select(h => h.Side.ToHashSet()).ToList();
        double[] swings = [Math.PI / 6, -Math.PI / 6, Math.PI / 3, -Math.PI / 3, Math.PI / 2, -Math.PI / 2];
        var moved = new Point2[atoms.Length];
        for (int round = 0; round < MaxRounds && spent < Budget; round++)
        {

            // Only a move whose side holds a clashing atom can help; a rigid move changes only side-to-rest pairs.
            double bestGain = 1e-9;
            (int Hinge, bool Mirror, double Swing)? best = null;
            for (int h = 0; h < hinges.Count && spent < Budget; h++)
            {
                var (inner, outer, side) = hinges[h];
                if (!side.Any(clashing.Contains))
                {
                    continue;
                }

                for (int m = -1; m < (noSwing.Contains(inner) ? 0 : swings.Length); m++)
                {
                    for (int i = 0; i < side.Length; i++)
                    {
                        moved[i] = m < 0 ? pos[side[i]].ReflectIn(pos[inner], pos[outer]) : pos[side[i]].RotateAbout(pos[inner], swings[m]);
                    }

                    // Swinging bends an angle: only worth it for a clear gain.
                    double gain = Gain(molecule, pos, atoms, side, inSide[h], moved) - (m < 0 ? 0 : 0.05);
                    spent += (long)side.Length * atoms.Length;
                    if (gain > bestGain)
                    {
                        bestGain = gain;
                        best = (h, m < 0, m < 0 ? 0 : swings[m]);
                    }
                }
            }

            if (best is not { } chosen)
            {
                return;
            }

            var (hi, ho, hs) = hinges[chosen.Hinge];
            var pivot = pos[hi];
            var axisEnd = pos[ho];
            foreach (int a in hs)
            {
                pos[a] = chosen.Mirror ? pos[a].ReflectIn(pivot, axisEnd) : pos[a].RotateAbout(pivot, chosen.Swing);
            }

            clashing = ClashingAtoms(molecule, pos, atoms);
            spent += (long)atoms.Length * atoms.Length / 2;
            if (clashing.Count == 0)
            {
                return;
            }
        }
    }

    /// <summary>How much the clash score drops when the side's atoms move to <paramref name="moved"/> (pairs inside the side keep their distances).</summary>
    private static double Gain(Molecule molecule, Point2[] pos, int[] atoms, int[] side, HashSet<int> inSide, Point2[] moved)
    {
        double gain = 0;
        for (int i = 0; i < side.Length; i++)
        {
            var atom = molecule.Atoms[side[i]];
            foreach (int other in atoms)
            {
                if (inSide.Contains(other))
                {
                    continue;
                }

                double before = Penalty(Point2.Distance(pos[side[i]], pos[other]));
                double after = Penalty(Point2.Distance(moved[i], pos[other]));
                if ((before != 0 || after != 0) && atom.BondTo(molecule.Atoms[other]) is null)
                {
                    gain += before - after;
                }
            }
        }

        return gain;
    }

    private static double Penalty(double distance) => distance < ClashDistance ? (ClashDistance - distance) * (ClashDistance - distance) : 0;

    private static HashSet<int> ClashingAtoms(Molecule molecule, Point2[] pos, int[] atoms)
    {
        var result = new HashSet<int>();
        for (int i = 0; i < atoms.Length; i++)
        {
            for (int j = i + 1; j < atoms.Length; j++)
            {
                if (Point2.Distance(pos[atoms[i]], pos[atoms[j]]) < ClashDistance && molecule.Atoms[atoms[i]].BondTo(molecule.Atoms[atoms[j]]) is null)
                {
                    result.Add(atoms[i]);
                    result.Add(atoms[j]);
                }
            }
        }

        return result;
    }

    /// <summary>Each acyclic bond with the atoms on its smaller side (the inner atom stays, the outer side moves).</summary>
    private static List<(int Inner, int Outer, int[] Side)> Hinges(Molecule molecule, int[] atoms, HashSet<int> fixedBonds)
    {
        var result = new List<(int, int, int[])>();
        var inComponent = new HashSet<int>(atoms);
        if (RingSystem.RingsOf(molecule) is not { } rings)
        {
            return result;
        }

        foreach (var bond in molecule.Bonds)
        {
            int x = bond.Begin.Index, y = bond.End.Index;
            if (!inComponent.Contains(x) || rings.IsBondInRing(bond.Index) || fixedBonds.Contains(bond.Index))
            {
                continue;
            }

            var sideY = SideOf(molecule, y, x);
            if (sideY.Count < 1 || sideY.Count >= atoms.Length - 1)
            {
                continue;
            }

            if (sideY.Count * 2 <= atoms.Length)
            {
                result.Add((x, y, [.. sideY]));
            }
            else
            {
                result.Add((y, x, [.. SideOf(molecule, x, y)]));
            }
        }

        return result;
    }

    /// <summary>The atoms reached from <paramref name="start"/> without passing <paramref name="blocked"/>.</summary>
    internal static HashSet<int> SideOf(Molecule molecule, int start, int blocked)
    {
        var seen = new HashSet<int> { start };
        var stack = new Stack<int>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            foreach (var nb in molecule.Atoms[stack.Pop()].Neighbors)
            {
                if (nb.Index != blocked && seen.Add(nb.Index))
                {
                    stack.Push(nb.Index);
                }
            }
        }

        return seen;
    }
}
