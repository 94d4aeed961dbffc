using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Depictor;

/// <summary>How a bond from a stereocentre is drawn.</summary>
public enum WedgeKind
{
    /// <summary>Solid wedge: the far atom points towards the viewer.</summary>
    Wedge,

    /// <summary>Hashed wedge: the far atom points away from the viewer.</summary>
    Hash,
}

/// <summary>A bond drawn as a wedge, narrow at <see cref="Centre"/>.</summary>
/// <param name="Bond">Index of the bond.</param>
/// <param name="Centre">Index of the stereocentre the wedge starts at.</param>
/// <param name="Kind">Towards or away from the viewer.</param>
public readonly record struct StereoBond(int Bond, int Centre, WedgeKind Kind);

/// <summary>
/// Chooses wedges for tetrahedral centres marked '@'/'@@' so the drawing shows the written
/// configuration: one single bond per centre, preferably out of rings, to an atom that is not itself
/// a centre and to a terminal atom; its kind is whichever of wedge or hash makes the drawn
/// neighbours (the wedged one lifted out of the plane, the implicit hydrogen opposite the others)
/// turn the way the mark says.
/// </summary>
public static class StereoWedges
{
    /// <summary>Lift of a wedged neighbour out of the plane, in bond lengths.</summary>
    private const double Lift = 0.8;

    /// <summary>Below this volume a drawing cannot show the configuration clearly (neighbours nearly in line).</summary>
    private const double MinimumVolume = 0.05;

    /// <summary>The wedges for every marked centre of <paramref name="molecule"/> drawn at <paramref name="coordinates"/> (x right, y up).</summary>
    public static List<StereoBond> Assign(Molecule molecule, IReadOnlyList<Point2> coordinates)
    {
        var wedges = new List<StereoBond>();
        var used = new HashSet<int>();
        foreach (var centre in molecule.Atoms)
        {
            if (Mark(centre) is not { } mark)
            {
                continue;
            }

            var (sign, order) = mark;

            StereoBond? best = null;
            (int Penalty, double Volume) bestRank = (int.MaxValue, 0);
            foreach (var bond in centre.Bonds)
            {
                if (used.Contains(bond.Index) || bond.Order != BondOrder.Single || bond.IsAromatic)
                {
                    continue;
                }

                var far = bond.Other(centre);
                double volume = Volume(centre, order, coordinates, far);
                (int Penalty, double Volume) rank = (Penalty(molecule, bond, far), Math.Abs(volume));
                if (rank.Volume < MinimumVolume || rank.Penalty > bestRank.Penalty || (rank.Penalty == bestRank.Penalty && rank.Volume <= bestRank.Volume))
                {
                    continue;
                }

                bestRank = rank;
                best = new StereoBond(bond.Index, centre.Index, Math.Sign(volume) == sign ? WedgeKind.Wedge : WedgeKind.Hash);
            }

            if (best is { } chosen)
            {
                used.Add(chosen.Bond);
                wedges.Add(chosen);
            }
        }

        return wedges;
    }

    /// <summary>
    /// What a drawable tetrahedral mark asks for: the sign of the neighbour volume (-1 for '@': seen
    /// from the first neighbour the others turn anticlockwise; +1 for '@@') and the four neighbours it
    /// refers to (null: the hydrogen or lone pair; a three-coordinate centre such as a sulfoxide's S
    /// has its lone pair last, as RDKit reads such marks). Null for any other atom.
    /// </summary>
    private static (int Sign, IReadOnlyList<Atom?> Order)? Mark(Atom atom)
    {
        int sign = atom.Chirality switch
        {
            ChiralTag.Anticlockwise => -1,
            ChiralTag.Clockwise => 1,
            _ => 0,
        };
        IReadOnlyList<Atom?>? order = atom.ChiralNeighbours switch
        {
            { Count: 4 } four when four.Count(n => n is null) <= 1 => four,
            { Count: 3 } three when three.All(n => n is not null) => [.. three, null],
            _ => null,
        };
        return sign == 0 || order is null ? null : (sign, order);
    }

    /// <summary>
    /// Signed volume det(v1 − v0, v2 − v0, v3 − v0) of the neighbours in <paramref name="order"/> as
    /// unit vectors from the centre, <paramref name="lifted"/> raised by <see cref="Lift"/>; the
    /// hydrogen or lone pair (null) sits opposite the sum of the others.
    /// </summary>
    private static double Volume(Atom centre, IReadOnlyList<Atom?> order, IReadOnlyList<Point2> coordinates, Atom lifted)
    {
        Span<(double X, double Y, double Z)> v = stackalloc (double, double, double)[4];
        (double X, double Y, double Z) sum = (0, 0, 0);
        int h = -1;
        for (int i = 0; i < 4; i++)
        {
            if (order[i] is not { } n)
            {
                h = i;
                continue;
            }

            var d = (coordinates[n.Index] - coordinates[centre.Index]).Unit;
            v[i] = (d.X, d.Y, n == lifted ? Lift : 0);
            sum = (sum.X + v[i].X, sum.Y + v[i].Y, sum.Z + v[i].Z);
        }

        if (h >= 0)
        {
            v[h] = (-sum.X, -sum.Y, -sum.Z);
        }

        var a = Minus(v[1], v[0]);
        var b = Minus(v[2], v[0]);
        var c = Minus(v[3], v[0]);
        return (a.X * ((b.Y * c.Z) - (b.Z * c.Y))) - (a.Y * ((b.X * c.Z) - (b.Z * c.X))) + (a.Z * ((b.X * c.Y) - (b.Y * c.X)));

        static (double X, double Y, double Z) Minus((double X, double Y, double Z) p, (double X, double Y, double Z) q) => (p.X - q.X, p.Y - q.Y, p.Z - q.Z);
    }

    /// <summary>Lower is a better bond to wedge (the conventions of IUPAC 2006, ST-1.2).</summary>
    private static int Penalty(Molecule molecule, Bond bond, Atom far) =>
        (Mark(far) is not null ? 8 : 0)
        + (RingSystem.RingsOf(molecule)?.IsBondInRing(bond.Index) == true ? 4 : 0)
        + (far.Degree > 1 ? 2 : 0)
        + (far.AtomicNumber == 6 ? 0 : 1);
}
