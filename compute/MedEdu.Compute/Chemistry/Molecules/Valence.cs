using MedEdu.Compute.Chemistry.Elements;

namespace MedEdu.Compute.Chemistry.Molecules;

/// <summary>RDKit's valence model: explicit valence, implicit hydrogens and the checks that go with them.</summary>
public static class Valence
{
    /// <summary>True when the atom is aromatic or has an aromatic bond (RDKit's isAromaticAtom).</summary>
    public static bool IsAromaticAtom(Atom atom)
    {
        if (atom.IsAromatic)
        {
            return true;
        }

        foreach (var b in atom.Bonds)
        {
            if (b.IsAromatic || b.Order == BondOrder.Aromatic)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The charge as it shifts the allowed valences: negated for early elements and for C+.</summary>
    public static int EffectiveCharge(Atom atom)
    {
        int chg = atom.Charge;
        if (PeriodicTable.IsEarly(atom.AtomicNumber))
        {
            chg = -chg;
        }

        if (atom.AtomicNumber == 6 && chg > 0)
        {
            chg = -chg;
        }

        return chg;
    }

    /// <summary>Sum of bond orders (aromatic = 1.5) plus explicit hydrogens, rounded as RDKit does.</summary>
    /// <param name="atom">The atom.</param>
    /// <param name="strict">Throw when the valence is above the element's maximum.</param>
    public static int Explicit(Atom atom, bool strict) => Explicit(atom, atom.ExplicitHydrogens, strict);

    /// <summary>
    /// Hydrogens an atom would get if written without brackets (organic subset), from its bonds
    /// alone; a SMILES writer brackets the atom when this differs from its real hydrogen count.
    /// </summary>
    public static int BareImplicitHydrogens(Atom atom)
    {
        int ev = Explicit(atom, 0, strict: false);
        return ImplicitHydrogens(atom, ev, strict: false, noImplicit: false);
    }

    private static int Explicit(Atom atom, int explicitHydrogens, bool strict)
    {
        double accum = explicitHydrogens;
        foreach (var b in atom.Bonds)
        {
            accum += b.ValenceContribution;
        }

        var element = PeriodicTable.Get(atom.AtomicNumber);
        int dv = element.DefaultValence;
        int chr = EffectiveCharge(atom);
        if (accum > dv + chr && IsAromaticAtom(atom))
        {
            int pval = dv + chr;
            foreach (int v in element.Valences)
            {
                if (v == -1)
                {
                    break;
                }

                if (v + chr > accum)
                {
                    break;
                }

                pval = v + chr;
            }

            if (accum - pval <= 1.5)
            {
                accum = pval;
            }
        }

        int res = (int)Math.Floor(accum + 0.1 + 0.5);
        if (strict)
        {
            int effective = element.OuterElectrons >= 4 ? res - atom.Charge : res + atom.Charge;
            int max = element.Valences[^1];
            if (max > 0 && effective > max)
            {
                throw new ChemistryException($"explicit valence {effective} on {element.Symbol} (atom {atom.Index}) is greater than permitted", atom.Index);
            }
        }

        return res;
    }

    /// <summary>Implicit hydrogens by RDKit's rules, given the atom's explicit valence.</summary>
    public static int ImplicitHydrogens(Atom atom, int explicitValence, bool strict) =>
        ImplicitHydrogens(atom, explicitValence, strict, atom.NoImplicit);

    private static int ImplicitHydrogens(Atom atom, int explicitValence, bool strict, bool noImplicit)
    {
        if (noImplicit || atom.AtomicNumber == 0)
        {
            return 0;
        }

        if (explicitValence == 0 && atom.AtomicNumber == 1 && atom.RadicalElectrons == 0)
        {
            return atom.Charge switch
            {
                1 or -1 => 0,
                0 => 1,
                _ => strict ? throw new ChemistryException($"unreasonable formal charge on hydrogen (atom {atom.Index})", atom.Index) : 0,
            };
        }

        var element = PeriodicTable.Get(atom.AtomicNumber);
        int dv = element.DefaultValence;
        if (dv == -1)
        {
            return 0;
        }

        int explicitPlusRad = explicitValence + atom.RadicalElectrons;
        int chg = EffectiveCharge(atom);
        if (IsAromaticAtom(atom))
        {
            if (explicitPlusRad <= dv + chg)
            {
                return dv + chg - explicitPlusRad;
            }

            bool satisfied = false;
            foreach (int v in element.Valences)
            {
                if (v <= 0)
                {
                    break;
                }

                if (explicitPlusRad == v + chg)
                {
                    satisfied = true;
                    break;
                }
            }

            if (strict && !satisfied)
            {
                throw new ChemistryException($"explicit valence {explicitPlusRad} on aromatic {element.Symbol} (atom {atom.Index}) is not an accepted valence", atom.Index);
            }

            return 0;
        }

        foreach (int v in element.Valences)
        {
            if (v < 0)
            {
                break;
            }

            int total = v + chg;
            if (explicitPlusRad <= total)
            {
                return total - explicitPlusRad;
            }
        }

        if (strict && element.Valences[^1] != -1)
        {
            throw new ChemistryException($"explicit valence {explicitPlusRad} on {element.Symbol} (atom {atom.Index}) is greater than permitted", atom.Index);
        }

        return 0;
    }
}
