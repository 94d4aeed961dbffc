namespace MedEdu.Compute.Chemistry.Molecules;

/// <summary>Conversions between hydrogen counts and hydrogen atoms.</summary>
public static class Hydrogens
{
    /// <summary>A copy of <paramref name="molecule"/> in which every hydrogen is an atom (RDKit's AddHs).</summary>
    public static Molecule AddExplicit(Molecule molecule)
    {
        var copy = new Molecule();
        foreach (var atom in molecule.Atoms)
        {
            var a = copy.AddAtom(atom.AtomicNumber);
            a.Charge = atom.Charge;
            a.Isotope = atom.Isotope;
            a.IsAromatic = atom.IsAromatic;
            a.NoImplicit = true;
            a.RadicalElectrons = atom.RadicalElectrons;
            a.Chirality = atom.Chirality;
            a.SourcePosition = atom.SourcePosition;
        }

        foreach (var bond in molecule.Bonds)
        {
            var b = copy.AddBond(copy.Atoms[bond.Begin.Index], copy.Atoms[bond.End.Index], bond.Order);
            b.IsAromatic = bond.IsAromatic;
            b.Direction = bond.Direction;
        }

        int heavy = molecule.Atoms.Count;
        for (int i = 0; i < heavy; i++)
        {
            int count = molecule.Atoms[i].TotalHydrogens;
            for (int h = 0; h < count; h++)
            {
                var hydrogen = copy.AddAtom(1);
                hydrogen.NoImplicit = true;
                copy.AddBond(copy.Atoms[i], hydrogen, BondOrder.Single);
            }
        }

        return copy;
    }
}
