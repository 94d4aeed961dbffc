using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Descriptors;

/// <summary>
/// Topological polar surface area (Ertl, Rohde &amp; Selzer, J. Med. Chem. 2000, 43, 3714): a
/// tabulated contribution for each N and O environment (neighbours, hydrogens, charge, bond
/// types, three-membered ring), with RDKit's fallback formula for environments not in the table.
/// S and P are not counted, as in RDKit's default.
/// </summary>
public static class Tpsa
{
    /// <summary>TPSA in square ångström.</summary>
    public static double Compute(Molecule molecule)
    {
        double total = 0;
        foreach (var atom in molecule.Atoms)
        {
            if (atom.AtomicNumber is 7 or 8)
            {
                total += Contribution(molecule, atom);
            }
        }

        return total;
    }

    /// <summary>The contribution of one N or O atom.</summary>
    public static double Contribution(Molecule molecule, Atom atom)
    {
        int neighbors = 0, hydrogens = atom.TotalHydrogens, single = 0, @double = 0, triple = 0, aromatic = 0;
        foreach (var bond in atom.Bonds)
        {
            if (bond.Other(atom).AtomicNumber == 1)
            {
                hydrogens++;
                continue;
            }

            neighbors++;
            if (bond.IsAromatic)
            {
                aromatic++;
            }
            else
            {
                switch (bond.Order)
                {
                    case BondOrder.Single:
                        single++;
                        break;
                    case BondOrder.Double:
                        @double++;
                        break;
                    case BondOrder.Triple:
                        triple++;
                        break;
                }
            }
        }

        int charge = atom.Charge;
        bool in3Ring = molecule.Rings.IsInRingOfSize(atom.Index, 3);
        var env = (neighbors, hydrogens, charge, single, @double, triple, aromatic);
        double? value = atom.AtomicNumber == 7 ? Nitrogen(env, in3Ring) : Oxygen(env, in3Ring);
        if (value is double v)
        {
            return v;
        }

        double fallback = atom.AtomicNumber == 7
            ? 30.5 - (neighbors * 8.2) + (hydrogens * 1.5)
            : 28.5 - (neighbors * 8.6) + (hydrogens * 1.5);
        return Math.Max(fallback, 0);
    }

    private static double? Nitrogen((int N, int H, int Q, int S, int D, int T, int A) e, bool in3Ring) => e switch
    {
        (1, 0, 0, _, _, 1, _) => 23.79,
        (1, 1, 0, _, 1, _, _) => 23.85,
        (1, 2, 0, 1, _, _, _) => 26.02,
        (1, 2, 1, _, 1, _, _) => 25.59,
        (1, 3, 1, 1, _, _, _) => 27.64,
        (2, 0, 0, 1, 1, _, _) => 12.36,
        (2, 0, 0, _, 1, 1, _) => 13.60,
        (2, 1, 0, 2, _, _, _) => in3Ring ? 21.94 : 12.03,
        (2, 0, 1, 1, _, 1, _) => 4.36,
        (2, 1, 1, 1, 1, _, _) => 13.97,
        (2, 2, 1, 2, _, _, _) => 16.61,
        (2, 0, 0, _, _, _, 2) => 12.89,
        (2, 1, 0, _, _, _, 2) => 15.79,
        (2, 1, 1, _, _, _, 2) => 14.14,
        (3, 0, 0, 3, _, _, _) => in3Ring ? 3.01 : 3.24,
        (3, 0, 0, 1, 2, _, _) => 11.68,
        (3, 0, 1, 2, 1, _, _) => 3.01,
        (3, 1, 1, 3, _, _, _) => 4.44,
        (3, 0, 0, _, _, _, 3) => 4.41,
        (3, 0, 0, 1, _, _, 2) => 4.93,
        (3, 0, 0, _, 1, _, 2) => 8.39,
        (3, 0, 1, _, _, _, 3) => 4.10,
        (3, 0, 1, 1, _, _, 2) => 3.88,
        (4, 0, 1, 4, _, _, _) => 0.0,
        _ => null,
    };

    private static double? Oxygen((int N, int H, int Q, int S, int D, int T, int A) e, bool in3Ring) => e switch
    {
        (1, 0, 0, _, 1, _, _) => 17.07,
        (1, 1, 0, 1, _, _, _) => 20.23,
        (1, 0, -1, 1, _, _, _) => 23.06,
        (2, 0, 0, 2, _, _, _) => in3Ring ? 12.53 : 9.23,
        (2, 0, 0, _, _, _, 2) => 13.14,
        _ => null,
    };
}
