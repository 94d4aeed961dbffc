using MedEdu.Compute.Chemistry.Alerts;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Wording;

namespace MedEdu.Compute.Exercises;

/// <summary>The PAINS variant of the rule check: flag the compounds that carry a PAINS alert.</summary>
public static partial class ExerciseGenerator
{
    private static (Exercise, AnswerKey) PainsCheck(string id, IReadOnlyList<ExerciseCompound> pool, Random random, int difficulty)
    {
        int count = 6 + (2 * difficulty);
        int wantAlerts = Math.Max(2, count / 3);

        // Alerts are found by matching, so only as many compounds are matched as the exercise needs.
        var flagged = new List<(ExerciseCompound Compound, string Alerts)>();
        var clean = new List<ExerciseCompound>();
        foreach (var c in pool.OrderBy(_ => random.Next()).Take(5000))
        {
            if (flagged.Count >= wantAlerts && clean.Count >= count - wantAlerts)
            {
                break;
            }

            if (!SmilesParser.TryParse(c.Smiles, out var molecule, out _))
            {
                continue;
            }

            var alerts = PainsAlerts(molecule!);
            if (alerts is not null && flagged.Count < wantAlerts)
            {
                flagged.Add((c, alerts));
            }
            else if (alerts is null && clean.Count < count - wantAlerts)
            {
                clean.Add(c);
            }
        }

        Require(flagged.Count >= 1, "no compound of this dataset carries a PAINS alert, so there would be nothing to flag");
        Require(flagged.Count + clean.Count >= count, $"a PAINS check needs {count} compounds");
        var picked = flagged.Select(f => f.Compound).Concat(clean).Take(count).OrderBy(_ => random.Next()).ToList();
        var exercise = Exercise.Worded(id, ExerciseKind.RuleCheck, difficulty, Phrase.Of("Prompt.Pains"),
            null, picked.Select(CandidateView.From).ToList(), 0, rules: "pains");
        var found = flagged.ToDictionary(f => f.Compound.Id, f => f.Alerts);
        return (exercise, PainsKey(picked, c => found.GetValueOrDefault(c.Id)));
    }

    /// <summary>The PAINS alerts a molecule raises, in words ("PAINS ene_rhod_A(235), ..."), or null when it raises none.</summary>
    internal static string? PainsAlerts(Chemistry.Molecules.Molecule molecule) =>
        AlertCatalog.Find(molecule, [AlertFamily.Pains]) is { Count: > 0 } alerts ? "PAINS " + string.Join(", ", alerts.Select(a => a.Alert.Name)) : null;

    /// <summary>A PAINS check's key: the compounds with alerts (<paramref name="alertsOf"/> names them, null for none) and the facts.</summary>
    internal static AnswerKey PainsKey(IReadOnlyList<ExerciseCompound> picked, Func<ExerciseCompound, string?> alertsOf)
    {
        var alerts = picked.ToDictionary(c => c.Id, alertsOf);
        var facts = Facts(picked).ToDictionary(x => x.Key, x => x.Value with { RuleBreak = alerts[x.Key], RuleBreakPhrase = null });
        return new AnswerKey(alerts.Where(a => a.Value is not null).Select(a => a.Key).Order(StringComparer.Ordinal).ToList(), [], facts);
    }
}
