using MedEdu.Compute.Chemistry.Aromaticity;
using MedEdu.Compute.Chemistry.Elements;

namespace MedEdu.Compute.Chemistry.Molecules;

/// <summary>
/// Brings a freshly read graph to the state RDKit's sanitization gives it: explicit hydrogen atoms
/// folded into counts, nitro/perhalate groups charge-separated, implicit hydrogens, rings,
/// Kekulé form, radicals and aromaticity by RDKit's default model.
/// </summary>
public static class MoleculeSanitizer
{
    /// <summary>Sanitizes <paramref name="molecule"/> in place.</summary>
    /// <exception cref="ChemistryException">A valence is impossible or an aromatic system cannot be kekulized.</exception>
    public static void Sanitize(Molecule molecule)
    {
        FoldHydrogenAtoms(molecule);
        CleanUp(molecule);
        var implicitH = new int[molecule.Atoms.Count];
        foreach (var atom in molecule.Atoms)
        {
            int ev = Valence.Explicit(atom, strict: true);
            implicitH[atom.Index] = Valence.ImplicitHydrogens(atom, ev, strict: true);
        }

        foreach (var atom in molecule.Atoms)
        {
            atom.ImplicitHydrogens = implicitH[atom.Index];
        }

        Kekulizer.Kekulize(molecule);
        AssignRadicals(molecule);
        AromaticityPerception.Apply(molecule);
    }

    /// <summary>Folds plain [H] atoms bonded to one heavy atom into that atom's hydrogen count, as RDKit's RemoveHs does.</summary>
    private static void FoldHydrogenAtoms(Molecule molecule)
    {
        List<Atom>? removable = null;
        foreach (var atom in molecule.Atoms)
        {
            if (atom.AtomicNumber != 1 || atom.Isotope != 0 || atom.Charge != 0 || atom.Degree != 1 || atom.ExplicitHydrogens != 0)
            {
                continue;
            }

            var bond = atom.Bonds[0];
            var heavy = bond.Other(atom);
            if (heavy.AtomicNumber <= 1 || bond.Order != BondOrder.Single)
            {
                continue;
            }

            heavy.ExplicitHydrogens++;
            if (heavy.ChiralNeighbourList is { } order && order.IndexOf(atom) is int slot and >= 0)
            {
                order[slot] = null; // now the atom's own hydrogen
            }

            (removable ??= []).Add(atom);
        }

        if (removable is not null)
        {
            molecule.RemoveAtoms(removable);
        }
    }

    /// <summary>RDKit's cleanUp: N(=O)=O to [N+](=O)[O-], P and halogen oxo forms likewise.</summary>
    private static void CleanUp(Molecule molecule)
    {
        foreach (var atom in molecule.Atoms)
        {
            switch (atom.AtomicNumber)
            {
                case 7:
                    NitrogenCleanUp(atom);
                    break;
                case 15:
                    PhosphorusCleanUp(atom);
                    break;
                case 17 or 35 or 53:
                    HalogenCleanUp(atom);
                    break;
            }
        }
    }

    private static int PlainValence(Atom atom)
    {
        bool aromatic = atom.IsAromatic;
        atom.IsAromatic = false;
        int ev = Valence.Explicit(atom, strict: false);
        atom.IsAromatic = aromatic;
        return ev;
    }

    private static void NitrogenCleanUp(Atom atom)
    {
        if (atom.Charge != 0 || PlainValence(atom) != 5)
        {
            return;
        }

        foreach (var bond in atom.Bonds)
        {
            var nbr = bond.Other(atom);
            if ((nbr.AtomicNumber == 8 && nbr.Charge == 0 && bond.Order == BondOrder.Double)
                || (nbr.AtomicNumber == 7 && nbr.Charge == 0 && bond.Order == BondOrder.Triple))
            {
                bond.Order = bond.Order == BondOrder.Double ? BondOrder.Single : BondOrder.Double;
                atom.Charge = 1;
                nbr.Charge = -1;
                return;
            }
        }
    }

    private static void PhosphorusCleanUp(Atom atom)
    {
        if (atom.Charge != 0 || atom.Degree != 3 || Valence.Explicit(atom, strict: false) != 5)
        {
            return;
        }

        Bond? doubleToO = null;
        bool doubleToCOrN = false;
        foreach (var bond in atom.Bonds)
        {
            var nbr = bond.Other(atom);
            if (nbr.AtomicNumber == 8 && nbr.Charge == 0 && bond.Order == BondOrder.Double)
            {
                doubleToO = bond;
            }
            else if (nbr.AtomicNumber is 6 or 7 && nbr.Degree >= 2 && bond.Order == BondOrder.Double)
            {
                doubleToCOrN = true;
            }
        }

        if (doubleToCOrN && doubleToO is not null)
        {
            doubleToO.Other(atom).Charge = -1;
            doubleToO.Order = BondOrder.Single;
            atom.Charge = 1;
        }
    }

    private static void HalogenCleanUp(Atom atom)
    {
        int ev = Valence.Explicit(atom, strict: false);
        if (atom.Charge != 0 || ev is not (7 or 5 or 3) || atom.Neighbors.Any(n => n.AtomicNumber != 8))
        {
            return;
        }

        int charge = 0;
        foreach (var bond in atom.Bonds)
        {
            if (bond.Order == BondOrder.Double)
            {
                bond.Order = BondOrder.Single;
                bond.Other(atom).Charge = -1;
                charge++;
            }
        }

        atom.Charge = charge;
    }

    /// <summary>RDKit's assignRadicals: bracket atoms with fewer bonds than electrons get unpaired electrons.</summary>
    private static void AssignRadicals(Molecule molecule)
    {
        foreach (var atom in molecule.Atoms)
        {
            if (!atom.NoImplicit || atom.RadicalElectrons != 0 || atom.AtomicNumber == 0)
            {
                continue;
            }

            var element = PeriodicTable.Get(atom.AtomicNumber);
            int chg = atom.Charge;
            int outer = element.OuterElectrons;
            if (element.Valences is [-1])
            {
                int n = outer - chg;
                atom.RadicalElectrons = n < 0 ? 0 : n % 2;
                continue;
            }

            double accum = atom.ExplicitHydrogens;
            foreach (var b in atom.Bonds)
            {
                accum += b.ValenceContribution;
            }

            int total = (int)(accum + 0.1);
            int baseCount = atom.AtomicNumber is 1 or 2 ? 2 : 8;
            int radicals = baseCount - outer - total + chg;
            if (radicals < 0)
            {
                radicals = 0;
                if (element.Valences.Length > 1)
                {
                    foreach (int v in element.Valences)
                    {
                        if (v - total + chg >= 0)
                        {
                            radicals = v - total + chg;
                            break;
                        }
                    }
                }
            }

            int radicals2 = outer - total - chg;
            if (radicals2 >= 0)
            {
                radicals = Math.Min(radicals, radicals2);
            }

            atom.RadicalElectrons = radicals;
        }
    }
}
