namespace MedEdu.Pipeline.Datasets;

/// <summary>Names of the CSV columns that ingestion reads.</summary>
/// <param name="Smiles">Column holding the structure as SMILES (required).</param>
/// <param name="Name">Column holding a compound name or identifier (optional).</param>
/// <param name="Value">Column holding the measured value (optional; must be numeric when present).</param>
public sealed record ColumnMapping(string Smiles, string? Name, string? Value);
