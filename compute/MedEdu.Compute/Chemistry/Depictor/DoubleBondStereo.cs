using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Depictor;

/// <summary>
/// Cis/trans double bonds written with '/' and '\' in the SMILES, drawn as written: when a layout
/// puts the two marked neighbours on the wrong sides, the smaller side of the double bond is
/// mirrored in the bond's line (which keeps every length and angle, and every other double bond's
/// geometry, since each side moves as a whole). Ring double bonds are left to their ring.
/// </summary>
internal static class DoubleBondStereo
{
    /// <summary>A double bond <paramref name="A"/>=<paramref name="B"/> whose marked neighbours <paramref name="NearA"/> and <paramref name="NearB"/> are on the same side when <paramref name="Cis"/>.</summary>
    internal readonly record struct Spec(int Bond, int A, int B, int NearA, int NearB, bool Cis);

    /// <summary>Every acyclic double bond with a direction mark on both sides.</summary>
    public static List<Spec> Find(Molecule molecule)
    {
        var specs = new List<Spec>();
        var rings = RingSystem.RingsOf(molecule);
        foreach (var bond in molecule.Bonds)
        {
            if (bond.Order != BondOrder.Double || bond.IsAromatic || rings is null || rings.IsBondInRing(bond.Index))
            {
                continue;
            }

            if (Marked(bond.Begin, bond.End) is { } a && Marked(bond.End, bond.Begin) is { } b)
            {
                specs.Add(new Spec(bond.Index, bond.Begin.Index, bond.End.Index, a.Neighbour, b.Neighbour, a.Above == b.Above));
            }
        }

        return specs;
    }

    /// <summary>Mirrors sides until each marked double bond of the component is drawn as written.</summary>
    public static void Apply(Molecule molecule, Point2[] pos, int[] component, List<Spec> specs)
    {
        var inComponent = component.ToHashSet();
        foreach (var spec in specs)
        {
            if (!inComponent.Contains(spec.A))
            {
                continue;
            }

            var axis = pos[spec.B] - pos[spec.A];
            double sideA = Point2.Cross(axis, pos[spec.NearA] - pos[spec.A]);
            double sideB = Point2.Cross(axis, pos[spec.NearB] - pos[spec.A]);
            if (Math.Abs(sideA) < 1e-6 || Math.Abs(sideB) < 1e-6 || (Math.Sign(sideA) == Math.Sign(sideB)) == spec.Cis)
            {
                continue;
            }

            var sideOfB = OverlapResolver.SideOf(molecule, spec.B, spec.A);
            var moving = sideOfB.Count * 2 <= component.Length ? sideOfB : OverlapResolver.SideOf(molecule, spec.A, spec.B);
            var (p, q) = (pos[spec.A], pos[spec.B]);
            foreach (int atom in moving)
            {
                pos[atom] = pos[atom].ReflectIn(p, q);
            }
        }
    }

    /// <summary>A neighbour of <paramref name="end"/> (not <paramref name="partner"/>) on a marked bond, and whether it sits above <paramref name="end"/>.</summary>
    private static (int Neighbour, bool Above)? Marked(Atom end, Atom partner)
    {
        foreach (var bond in end.Bonds)
        {
            var other = bond.Other(end);
            if (other == partner || bond.Direction == BondDirection.None)
            {
                continue;
            }

            // '/' puts the bond's End above its Begin.
            bool endAboveBegin = bond.Direction == BondDirection.Up;
            return (other.Index, bond.Begin == end ? endAboveBegin : !endAboveBegin);
        }

        return null;
    }
}
