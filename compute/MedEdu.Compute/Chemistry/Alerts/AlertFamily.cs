namespace MedEdu.Compute.Chemistry.Alerts;

/// <summary>A published catalog of structural alerts.</summary>
public enum AlertFamily
{
    /// <summary>Pan-assay interference compounds, families A, B and C (Baell and Holloway, J Med Chem 2010, 53, 2719): 480 patterns.</summary>
    Pains,

    /// <summary>Unwanted functionality (Brenk et al., ChemMedChem 2008, 3, 435): 105 patterns.</summary>
    Brenk,
}
