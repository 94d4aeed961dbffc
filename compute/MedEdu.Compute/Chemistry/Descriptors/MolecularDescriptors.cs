using System.Text;
using MedEdu.Compute.Chemistry.Elements;
using MedEdu.Compute.Chemistry.Molecules;
using MedEdu.Compute.Chemistry.Substruct;

namespace MedEdu.Compute.Chemistry.Descriptors;

/// <summary>Molecular descriptors, each named and defined as RDKit 2022.09 names and defines it.</summary>
public static class MolecularDescriptors
{
    private const double ElectronMass = 0.00054857991;

    private static readonly Lazy<SmartsPattern> HDonor = new(() => SmartsPattern.Parse("[N&!H0&v3,N&!H0&+1&v4,O&H1&+0,S&H1&+0,n&H1&+0]"));

    private static readonly Lazy<SmartsPattern> HAcceptor = new(() => SmartsPattern.Parse(
        "[$([O,S;H1;v2]-[!$(*=[O,N,P,S])]),$([O,S;H0;v2]),$([O,S;-]),$([N;v3;!$(N-*=!@[O,N,P,S])]),$([nH0,o,s;+0])]"));

    private static readonly Lazy<SmartsPattern> RotatableBond = new(() => SmartsPattern.Parse(
        "[!$(*#*)&!D1&!$(C(F)(F)F)&!$(C(Cl)(Cl)Cl)&!$(C(Br)(Br)Br)&!$(C([CH3])([CH3])[CH3])&!$([CD3](=[N,O,S])-!@[#7,O,S!D1])"
        + "&!$([#7,O,S!D1]-!@[CD3]=[N,O,S])&!$([CD3](=[N+])-!@[#7!D1])&!$([#7!D1]-!@[CD3]=[N+])]-,:;!@[!$(*#*)&!D1&!$(C(F)(F)F)"
        + "&!$(C(Cl)(Cl)Cl)&!$(C(Br)(Br)Br)&!$(C([CH3])([CH3])[CH3])]"));

    /// <summary>Average molecular weight, hydrogens included.</summary>
    public static double MolWt(Molecule m)
    {
        double hydrogen = PeriodicTable.Get(1).AverageMass;
        double total = 0;
        foreach (var a in m.Atoms)
        {
            total += a.Mass + (a.TotalHydrogens * hydrogen);
        }

        return total;
    }

    /// <summary>Monoisotopic molecular weight (most common isotopes, electrons of the charge removed).</summary>
    public static double ExactMolWt(Molecule m)
    {
        double total = 0;
        int hydrogens = 0;
        foreach (var a in m.Atoms)
        {
            total += a.Isotope == 0 ? PeriodicTable.Get(a.AtomicNumber).MonoisotopicMass : a.Mass;
            total -= ElectronMass * a.Charge;
            hydrogens += a.TotalHydrogens;
        }

        return total + (hydrogens * PeriodicTable.Get(1).MonoisotopicMass);
    }

    /// <summary>Hill-order molecular formula with the net charge, e.g. C9H8O4 or C5H6N+.</summary>
    public static string MolecularFormula(Molecule m)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int charge = 0, hydrogens = 0;
        foreach (var a in m.Atoms)
        {
            counts[a.Symbol] = counts.GetValueOrDefault(a.Symbol) + 1;
            hydrogens += a.TotalHydrogens;
            charge += a.Charge;
        }

        if (hydrogens > 0)
        {
            counts["H"] = counts.GetValueOrDefault("H") + hydrogens;
        }

        var sb = new StringBuilder();
        void Append(string symbol)
        {
            if (counts.Remove(symbol, out int n))
            {
                sb.Append(symbol);
                if (n > 1)
                {
                    sb.Append(n);
                }
            }
        }

        Append("C");
        Append("H");
        foreach (var symbol in counts.Keys.ToList())
        {
            Append(symbol);
        }

        if (charge != 0)
        {
            sb.Append(charge > 0 ? '+' : '-');
            if (Math.Abs(charge) > 1)
            {
                sb.Append(Math.Abs(charge));
            }
        }

        return sb.ToString();
    }

    /// <summary>Atoms other than hydrogen.</summary>
    public static int HeavyAtomCount(Molecule m) => m.Atoms.Count(a => a.AtomicNumber > 1);

    /// <summary>Hydrogen-bond donors (RDKit's NumHDonors SMARTS).</summary>
    public static int NumHDonors(Molecule m) => NumHDonors(new MatchTarget(m));

    /// <summary>Hydrogen-bond donors in a prepared molecule.</summary>
    public static int NumHDonors(MatchTarget t) => CountAtoms(HDonor.Value, t);

    /// <summary>Hydrogen-bond acceptors (RDKit's NumHAcceptors SMARTS).</summary>
    public static int NumHAcceptors(Molecule m) => NumHAcceptors(new MatchTarget(m));

    /// <summary>Hydrogen-bond acceptors in a prepared molecule.</summary>
    public static int NumHAcceptors(MatchTarget t) => CountAtoms(HAcceptor.Value, t);

    /// <summary>Atoms that are neither carbon nor hydrogen.</summary>
    public static int NumHeteroatoms(Molecule m) => m.Atoms.Count(a => a.AtomicNumber is not (6 or 1));

    /// <summary>Rotatable bonds by RDKit's strict definition (no amide C-N, CF3, t-butyl or triple-bond neighbours).</summary>
    public static int NumRotatableBonds(Molecule m) => NumRotatableBonds(new MatchTarget(m));

    /// <summary>Rotatable bonds in a prepared molecule.</summary>
    public static int NumRotatableBonds(MatchTarget t) => RotatableBond.Value.CountUniqueMatches(t);

    /// <summary>Valence electrons: outer-shell electrons minus charge plus one per hydrogen.</summary>
    public static int NumValenceElectrons(Molecule m) =>
        m.Atoms.Sum(a => PeriodicTable.Get(a.AtomicNumber).OuterElectrons - a.Charge + a.TotalHydrogens);

    /// <summary>Rings (SSSR).</summary>
    public static int RingCount(Molecule m) => m.Rings.Count;

    /// <summary>Rings whose bonds are all aromatic.</summary>
    public static int NumAromaticRings(Molecule m) => m.Rings.BondRings.Count(r => r.All(b => m.Bonds[b].IsAromatic));

    /// <summary>Rings with at least one non-aromatic bond.</summary>
    public static int NumAliphaticRings(Molecule m) => m.Rings.BondRings.Count(r => r.Any(b => !m.Bonds[b].IsAromatic));

    /// <summary>Rings whose bonds are all single and non-aromatic.</summary>
    public static int NumSaturatedRings(Molecule m) =>
        m.Rings.BondRings.Count(r => r.All(b => m.Bonds[b].Order == BondOrder.Single && !m.Bonds[b].IsAromatic));

    /// <summary>Fraction of carbons that are sp3 (four connections counting hydrogens).</summary>
    public static double FractionCSP3(Molecule m)
    {
        int carbons = 0, sp3 = 0;
        foreach (var a in m.Atoms)
        {
            if (a.AtomicNumber == 6)
            {
                carbons++;
                if (a.TotalDegree == 4)
                {
                    sp3++;
                }
            }
        }

        return carbons == 0 ? 0 : (double)sp3 / carbons;
    }

    /// <summary>Topological polar surface area (N and O).</summary>
    public static double TPSA(Molecule m) => Tpsa.Compute(m);

    /// <summary>Wildman-Crippen logP.</summary>
    public static double MolLogP(Molecule m) => Crippen.Compute(m).LogP;

    /// <summary>Wildman-Crippen molar refractivity.</summary>
    public static double MolMR(Molecule m) => Crippen.Compute(m).MolarRefractivity;

    private static int CountAtoms(SmartsPattern singleAtom, MatchTarget t)
    {
        int count = 0;
        foreach (var a in t.Molecule.Atoms)
        {
            if (t.RecursiveMatch(singleAtom, a))
            {
                count++;
            }
        }

        return count;
    }
}
