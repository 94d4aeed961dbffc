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
        var withH = Hydrogens.AddExplicit(molecule);
        var target = new MatchTarget(withH);
        double logp = 0, mr = 0;
        foreach (var atom in withH.Atoms)
        {
            foreach (var type in Types.Value)
            {
                if (target.RecursiveMatch(type.Pattern, atom))
                {
                    logp += type.LogP;
                    mr += type.MolarRefractivity;
                    break;
                }
            }
        }

        return (logp, mr);
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
