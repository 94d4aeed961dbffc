using MedEdu.Compute.Chemistry.Alerts;
using MedEdu.Compute.Chemistry.Depictor;
using MedEdu.Compute.Chemistry.Molecules;

namespace MedEdu.Compute.Chemistry.Explanations;

/// <summary>What a highlighted drawing explains.</summary>
public enum HighlightKind
{
    /// <summary>Atoms by whether their Morgan environments are shared with a query molecule.</summary>
    Similarity,

    /// <summary>Each atom's share of Crippen logP.</summary>
    LogP,

    /// <summary>Each N and O atom's share of the topological polar surface area.</summary>
    Tpsa,

    /// <summary>The atoms of each PAINS and Brenk alert the molecule raises.</summary>
    Alerts,

    /// <summary>The atoms of each PAINS alert only (the PAINS rule check).</summary>
    Pains,
}

/// <summary>Builds the highlighting a <see cref="HighlightKind"/> asks for.</summary>
public static class MoleculeHighlights
{
    /// <summary>The names accepted on the command line and in the API, lower case.</summary>
    public static IReadOnlyList<string> Names { get; } = ["similarity", "logp", "tpsa", "alerts", "pains"];

    /// <summary>The kind a name gives (case-insensitive), or null.</summary>
    public static HighlightKind? Parse(string name) => name.ToLowerInvariant() switch
    {
        "similarity" => HighlightKind.Similarity,
        "logp" => HighlightKind.LogP,
        "tpsa" => HighlightKind.Tpsa,
        "alerts" => HighlightKind.Alerts,
        "pains" => HighlightKind.Pains,
        _ => null,
    };

    /// <summary>
    /// The highlighting of <paramref name="molecule"/>; a similarity map needs <paramref name="query"/>
    /// (named <paramref name="queryName"/> in its legend).
    /// </summary>
    /// <exception cref="ArgumentException">A similarity map without a query.</exception>
    public static Highlighting For(Molecule molecule, HighlightKind kind, Molecule? query = null, string? queryName = null) => kind switch
    {
        HighlightKind.Similarity => SimilarityMap.Highlight(molecule, query ?? throw new ArgumentException("a similarity map needs a query molecule", nameof(query)), queryName),
        HighlightKind.LogP => ContributionMap.LogP(molecule),
        HighlightKind.Tpsa => ContributionMap.Tpsa(molecule),
        HighlightKind.Pains => AlertMap.Highlight(AlertCatalog.Find(molecule, [AlertFamily.Pains]), painsOnly: true),
        _ => AlertMap.Highlight(AlertCatalog.Find(molecule, [AlertFamily.Pains, AlertFamily.Brenk])),
    };
}
