using System.Globalization;
using MedEdu.Compute.Chemistry.Molecules;
using MedEdu.Compute.Chemistry.Substruct;

namespace MedEdu.Compute.Chemistry.Alerts;

/// <summary>
/// The bundled PAINS and Brenk alerts, read once from the TSV files embedded beside this class
/// (Data/pains.tsv, Data/brenk.tsv: the SMARTS as RDKit 2022.09's FilterCatalog ships them; see
/// Data/PROVENANCE.md), and the question "which alerts does this molecule raise?".
/// </summary>
public static class AlertCatalog
{
    private static readonly Lazy<IReadOnlyList<StructuralAlert>> PainsAlerts = new(() => Load("pains.tsv", AlertFamily.Pains));
    private static readonly Lazy<IReadOnlyList<StructuralAlert>> BrenkAlerts = new(() => Load("brenk.tsv", AlertFamily.Brenk));

    /// <summary>The alerts of <paramref name="family"/>, in the published order.</summary>
    public static IReadOnlyList<StructuralAlert> Of(AlertFamily family) => family == AlertFamily.Pains ? PainsAlerts.Value : BrenkAlerts.Value;

    /// <summary>The families a catalog option names: "pains", "brenk" or "all" (case-insensitive); null for anything else.</summary>
    public static IReadOnlyList<AlertFamily>? Families(string name) => name.ToLowerInvariant() switch
    {
        "pains" => [AlertFamily.Pains],
        "brenk" => [AlertFamily.Brenk],
        "all" => [AlertFamily.Pains, AlertFamily.Brenk],
        _ => null,
    };

    /// <summary>Every alert of <paramref name="families"/> that <paramref name="molecule"/> raises, each once, in catalog order.</summary>
    public static IReadOnlyList<AlertMatch> Find(Molecule molecule, IEnumerable<AlertFamily> families)
    {
        var target = new MatchTarget(molecule);
        var found = new List<AlertMatch>();
        foreach (var family in families)
        {
            foreach (var alert in Of(family))
            {
                var matches = alert.Matches(target);
                if (matches.Count > 0)
                {
                    found.Add(new AlertMatch(alert, matches[0]));
                }
            }
        }

        return found;
    }

    private static List<StructuralAlert> Load(string file, AlertFamily family)
    {
        using var stream = typeof(AlertCatalog).Assembly.GetManifestResourceStream($"MedEdu.Compute.Alerts.{file}")
            ?? throw new InvalidOperationException($"the alert file {file} is not embedded");
        using var reader = new StreamReader(stream);
        var alerts = new List<StructuralAlert>();
        reader.ReadLine(); // header: catalog, name, smarts, max
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            try
            {
                alerts.Add(new StructuralAlert(family, f[0], f[1], SmartsPattern.ParseMergingHydrogens(f[2]), int.Parse(f[3], CultureInfo.InvariantCulture)));
            }
            catch (SmartsException e)
            {
                throw new InvalidOperationException($"{file}: alert {f[1]} has SMARTS the parser rejects: {e.Message}", e);
            }
        }

        return alerts;
    }
}
