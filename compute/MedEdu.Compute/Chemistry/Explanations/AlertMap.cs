using MedEdu.Compute.Chemistry.Alerts;
using MedEdu.Compute.Chemistry.Depictor;
using MedEdu.Compute.Wording;

namespace MedEdu.Compute.Chemistry.Explanations;

/// <summary>Structural alerts drawn on the molecule: the atoms of each alert's match, named in the legend.</summary>
public static class AlertMap
{
    /// <summary>Highlights for <paramref name="alerts"/> (vermillion for PAINS, orange for Brenk); an empty legend line says none fired.</summary>
    public static Highlighting Highlight(IReadOnlyList<AlertMatch> alerts, bool painsOnly = false)
    {
        var halos = new List<AtomHalo>();
        foreach (var alert in alerts)
        {
            string colour = alert.Alert.Family == AlertFamily.Pains ? HighlightColours.Vermillion : HighlightColours.Orange;
            halos.AddRange(alert.Atoms.Where(a => halos.All(h => h.Atom != a)).Select(a => new AtomHalo(a, colour)));
        }

        var legend = alerts.Count == 0
            ? [LegendEntry.Worded("#ffffff", Phrase.Of(painsOnly ? "Legend.NoPains" : "Legend.NoAlerts"))]
            : alerts.Select(a => new LegendEntry(a.Alert.Family == AlertFamily.Pains ? HighlightColours.Vermillion : HighlightColours.Orange, $"{a.Alert.Set}: {a.Alert.Name}")).ToList();
        return new Highlighting(halos, legend);
    }
}
