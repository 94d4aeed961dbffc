using MedEdu.Compute.Chemistry.Molecules;
using MedEdu.Compute.Chemistry.SmilesParse;

namespace MedEdu.Compute.Chemistry.Scaffolds;

/// <summary>
/// Bemis-Murcko scaffolds as RDKit's MurckoDecompose makes them: ring atoms, the atoms on the
/// shortest paths linking rings, and atoms double-bonded to those; side chains are cut and the
/// cut atoms' hydrogens restored.
/// </summary>
public static class MurckoScaffold
{
    /// <summary>The scaffold as a new molecule (empty for acyclic molecules).</summary>
    public static Molecule Of(Molecule molecule)
    {
        int n = molecule.Atoms.Count;
        var rings = molecule.Rings;
        var keep = new bool[n];
        for (int i = 0; i < n; i++)
        {
            keep[i] = rings.IsInRing(i);
        }

        for (int i = 0; i < rings.Count; i++)
        {
            for (int j = i + 1; j < rings.Count; j++)
            {
                foreach (int a in ShortestPath(molecule, rings.AtomRings[i][0], rings.AtomRings[j][0]))
                {
                    keep[a] = true;
                }
            }
        }

        var core = (bool[])keep.Clone();
        var hydrogenFix = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (core[i])
            {
                continue;
            }

            var atom = molecule.Atoms[i];
            foreach (var bond in atom.Bonds)
            {
                var nbr = bond.Other(atom);
                if (!core[nbr.Index])
                {
                    continue;
                }

                if (bond.Order == BondOrder.Double)
                {
                    keep[i] = true;
                    break;
                }

                // The anchor atom loses a substituent: aromatic N-H style atoms get their H back.
                if (nbr.IsAromatic && (nbr.AtomicNumber != 6 || nbr.Charge == 1))
                {
                    hydrogenFix[nbr.Index] = 1;
                }
            }
        }

        var scaffold = new Molecule();
        var map = new int[n];
        Array.Fill(map, -1);
        foreach (var atom in molecule.Atoms)
        {
            if (!keep[atom.Index])
            {
                continue;
            }

            var copy = scaffold.AddAtom(atom.AtomicNumber);
            map[atom.Index] = copy.Index;
            copy.Charge = atom.Charge;
            copy.Isotope = atom.Isotope;
            copy.IsAromatic = atom.IsAromatic;
            copy.RadicalElectrons = atom.RadicalElectrons;
            copy.NoImplicit = atom.NoImplicit || hydrogenFix[atom.Index] > 0;
            copy.ExplicitHydrogens = hydrogenFix[atom.Index] > 0 ? 1 : atom.NoImplicit ? atom.ExplicitHydrogens : 0;
        }

        foreach (var bond in molecule.Bonds)
        {
            if (keep[bond.Begin.Index] && keep[bond.End.Index])
            {
                var b = scaffold.AddBond(scaffold.Atoms[map[bond.Begin.Index]], scaffold.Atoms[map[bond.End.Index]], bond.Order);
                b.IsAromatic = bond.IsAromatic;
            }
        }

        var origin = new int[scaffold.Atoms.Count];
        for (int i = 0; i < n; i++)
        {
            if (map[i] >= 0)
            {
                origin[map[i]] = i;
            }
        }

        foreach (var atom in scaffold.Atoms)
        {
            var original = molecule.Atoms[origin[atom.Index]];
            if (atom.NoImplicit && hydrogenFix[original.Index] == 0 && atom.Degree < original.Degree)
            {
                // A bracket atom that lost a substituent becomes an ordinary atom with implicit hydrogens.
                atom.NoImplicit = false;
                atom.ExplicitHydrogens = 0;
            }

            atom.ImplicitHydrogens = Valence.ImplicitHydrogens(atom, Valence.Explicit(atom, strict: false), strict: false);
        }

        return scaffold;
    }

    /// <summary>Canonical SMILES of the scaffold ("" for acyclic molecules).</summary>
    public static string SmilesOf(Molecule molecule) => SmilesWriter.Write(Of(molecule));

    private static List<int> ShortestPath(Molecule molecule, int from, int to)
    {
        var previous = new int[molecule.Atoms.Count];
        Array.Fill(previous, -2);
        previous[from] = -1;
        var queue = new Queue<int>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            int a = queue.Dequeue();
            if (a == to)
            {
                break;
            }

            foreach (var nbr in molecule.Atoms[a].Neighbors)
            {
                if (previous[nbr.Index] == -2)
                {
                    previous[nbr.Index] = a;
                    queue.Enqueue(nbr.Index);
                }
            }
        }

        var path = new List<int>();
        if (previous[to] == -2)
        {
            return path;
        }

        for (int a = to; a >= 0; a = previous[a])
        {
            path.Add(a);
        }

        return path;
    }
}
