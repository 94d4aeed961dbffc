using System.Globalization;
using MedEdu.Compute.Chemistry.Molecules;
using MedEdu.Compute.Chemistry.Substruct;

namespace MedEdu.Compute.Chemistry.Descriptors;

/// <summary>
/// Wildman-Crippen logP and molar refractivity: hydrogens are made explicit, each atom takes the
/// first atom type (in table order) whose SMARTS matches it, and the type contributions are summed.
/// </summary>
public static class Crippen
{
    private static readonly Lazy<IReadOnlyList<CrippenType>> Types = new(Load);

    /// <summary>One atom type of the table.</summary>
    public sealed record CrippenType(string Label, SmartsPattern Pattern, double LogP, double MolarRefractivity);

    /// <summary>The atom types in matching order.</summary>
    public static IReadOnlyList<CrippenType> AtomTypes => Types.Value;

    /// <summary>(MolLogP, MolMR) of the molecule.</summary>
    public static (double LogP, double MolarRefractivity) Compute(Molecule molecule)
    {
        double logp = 0, mr = 0;
        foreach (var (atomLogP, atomMr) in Contributions(Hydrogens.AddExplicit(molecule)))
        {
            logp += atomLogP;
            mr += atomMr;
        }

        return (logp, mr);
    }

    /// <summary>
    /// Each heavy atom's share of logP: its own type's contribution plus those of its hydrogens (what
    /// a contribution map draws; they sum to <see cref="Compute"/>'s logP).
    /// </summary>
    public static double[] AtomLogP(Molecule molecule)
    {
        var withH = Hydrogens.AddExplicit(molecule);
        var contributions = Contributions(withH);
        var perAtom = new double[molecule.Atoms.Count];
        for (int i = 0; i < withH.Atoms.Count; i++)
        {
            var atom = withH.Atoms[i];
            int owner = i < perAtom.Length ? i : atom.Neighbors.Select(n => n.Index).FirstOrDefault(n => n < perAtom.Length, -1);
            if (owner >= 0)
            {
                perAtom[owner] += contributions[i].LogP;
            }
        }

        return perAtom;
    }

    /// <summary>Each atom's (logP, MR) contribution: the first type, in table order, that matches it.</summary>
    private static (double LogP, double MolarRefractivity)[] Contributions(Molecule withH)
    {
        var target = new MatchTarget(withH);
        var contributions = new (double, double)[withH.Atoms.Count];
        foreach (var atom in withH.Atoms)
        {
            foreach (var type in Types.Value)
            {
                if (target.RecursiveMatch(type.Pattern, atom))
                {
                    contributions[atom.Index] = (type.LogP, type.MolarRefractivity);
                    break;
                }
            }
        }

        return contributions;
    }

    private static List<CrippenType> Load()
    {
        using var stream = typeof(Crippen).Assembly.GetManifestResourceStream("MedEdu.Compute.wildman-crippen.tsv")
            ?? throw new InvalidOperationException("the Wildman-Crippen table is not embedded");
        using var reader = new StreamReader(stream);
        var types = new List<CrippenType>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split('\t');
            double mr = f.Length > 3 && f[3].Length > 0 ? double.Parse(f[3], CultureInfo.InvariantCulture) : 0;
            types.Add(new CrippenType(f[0], SmartsPattern.Parse(f[1]), double.Parse(f[2], CultureInfo.InvariantCulture), mr));
        }

        return types;
    }
}
