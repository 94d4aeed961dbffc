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

    /// <summary>Resolves clashes among <paramref name="atoms"/> (one component) in place.</summary>
    public static void Resolve(Molecule molecule, Point2[] pos, int[] atoms)
    {
        if (atoms.Length < 4 || atoms.Length > 400 || Score(molecule, pos, atoms) == 0)
        {
            return;
        }

        var moves = Hinges(molecule, atoms);
        double[] swings = [Math.PI / 6, -Math.PI / 6, Math.PI / 3, -Math.PI / 3, Math.PI / 2, -Math.PI / 2];
        for (int round = 0; round < MaxRounds; round++)
        {
            double current = Score(molecule, pos, atoms);
            if (current == 0)
            {
                return;
            }

            double best = current;
            Point2[]? bestPos = null;
            foreach (var (inner, outer, side) in moves)
            {
                var mirrored = (Point2[])pos.Clone();
                foreach (int a in side)
                {
                    mirrored[a] = pos[a].ReflectIn(pos[inner], pos[outer]);
                }

                Consider(mirrored, 0);
                foreach (double swing in swings)
                {
                    var swung = (Point2[])pos.Clone();
                    foreach (int a in side)
                    {
                        swung[a] = pos[a].RotateAbout(pos[inner], swing);
                    }

                    // Swinging bends an angle: only worth it for a clear gain.
                    Consider(swung, 0.05);
                }
            }

            if (bestPos is null)
            {
                return;
            }

            Array.Copy(bestPos, pos, pos.Length);

            void Consider(Point2[] candidate, double cost)
            {
                double score = Score(molecule, candidate, atoms) + cost;
                if (score < best - 1e-9)
                {
                    best = score;
                    bestPos = candidate;
                }
            }
        }
    }

    /// <summary>Sum over non-bonded pairs closer than <see cref="ClashDistance"/> of the squared shortfall.</summary>
    public static double Score(Molecule molecule, Point2[] pos, int[] atoms)
    {
        double score = 0;
        for (int i = 0; i < atoms.Length; i++)
        {
            var a = molecule.Atoms[atoms[i]];
            for (int j = i + 1; j < atoms.Length; j++)
            {
                double d = Point2.Distance(pos[atoms[i]], pos[atoms[j]]);
                if (d < ClashDistance && a.BondTo(molecule.Atoms[atoms[j]]) is null)
                {
                    score += (ClashDistance - d) * (ClashDistance - d);
                }
            }
        }

        return score;
    }

    /// <summary>Each acyclic bond with the atoms on its smaller side (the inner atom stays, the outer side moves).</summary>
    private static List<(int Inner, int Outer, int[] Side)> Hinges(Molecule molecule, int[] atoms)
    {
        var result = new List<(int, int, int[])>();
        var inComponent = new HashSet<int>(atoms);
        Rings.RingInfo rings;
        try
        {
            rings = molecule.Rings;
        }
        catch (Rings.RingPerceptionException)
        {
            return result;
        }

        foreach (var bond in molecule.Bonds)
        {
            int x = bond.Begin.Index, y = bond.End.Index;
            if (!inComponent.Contains(x) || rings.IsBondInRing(bond.Index))
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

    private static HashSet<int> SideOf(Molecule molecule, int start, int blocked)
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
