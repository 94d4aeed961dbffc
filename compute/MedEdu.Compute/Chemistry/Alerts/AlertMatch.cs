namespace MedEdu.Compute.Chemistry.Alerts;

/// <summary>An alert that fired on a molecule, with the atoms of its first match (for highlighting).</summary>
/// <param name="Alert">The alert.</param>
/// <param name="Atoms">Molecule atom indices of the first match.</param>
public sealed record AlertMatch(StructuralAlert Alert, int[] Atoms);
