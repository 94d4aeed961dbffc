using MedEdu.Compute.Chemistry.Substruct;

namespace MedEdu.Compute.Chemistry.Alerts;

/// <summary>
/// One published structural alert: a substructure that flags a compound as a likely assay artefact
/// (PAINS) or as carrying unwanted, reactive or toxic functionality (Brenk).
/// </summary>
/// <param name="Family">The catalog it belongs to.</param>
/// <param name="Set">The set within the family as RDKit names it (PAINS_A, PAINS_B, PAINS_C, Brenk).</param>
/// <param name="Name">The published name, e.g. "ene_rhod_A(235)" (PAINS names carry the number of compounds that defined them).</param>
/// <param name="Pattern">The SMARTS, its explicit hydrogens merged into their neighbours as RDKit does.</param>
/// <param name="MaxAllowed">How many matches are tolerated before the alert fires (0 for every PAINS and Brenk entry).</param>
public sealed record StructuralAlert(AlertFamily Family, string Set, string Name, SmartsPattern Pattern, int MaxAllowed)
{
    /// <summary>The atoms of each match (molecule atom indices), or none when the alert does not fire.</summary>
    public IReadOnlyList<int[]> Matches(MatchTarget target)
    {
        if (MaxAllowed == 0)
        {
            // Firing needs one match: stop at the first (PAINS patterns can match many ways).
            var first = Pattern.FindFirst(target);
            return first is null ? [] : [first];
        }

        var all = Pattern.FindMatches(target);
        return all.Count > MaxAllowed ? all : [];
    }
}
