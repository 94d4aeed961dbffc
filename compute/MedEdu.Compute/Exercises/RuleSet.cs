namespace MedEdu.Compute.Exercises;

/// <summary>The rules a rule check asks about.</summary>
public enum RuleSet
{
    /// <summary>Lipinski's rule of five and Veber's rule.</summary>
    DrugLikeness,

    /// <summary>PAINS structural alerts (families A, B and C): substructures that fake activity in assays.</summary>
    Pains,
}

/// <summary>The names of <see cref="RuleSet"/> in requests.</summary>
public static class RuleSetNames
{
    /// <summary>"druglike" (or nothing) and "pains", case-insensitive; null for anything else.</summary>
    public static RuleSet? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "druglike" => RuleSet.DrugLikeness,
        "pains" => RuleSet.Pains,
        _ => null,
    };
}
