using MedEdu.Compute.Exercises;

namespace MedEdu.Pipeline.Datasets;

/// <summary>A public dataset shipped with MedEdu, with the columns that matter for exercises.</summary>
/// <param name="Name">Short name used in requests, e.g. <c>esol</c>.</param>
/// <param name="FileName">File under the bundled datasets folder.</param>
/// <param name="Mapping">Which CSV columns hold the SMILES, the compound name and the measured value.</param>
/// <param name="Property">What the measured value is: words, unit, experimental error, or what its 0/1 labels mean.</param>
/// <param name="Citation">Who to cite when the data is shown to students.</param>
public sealed record BundledDataset(string Name, string FileName, ColumnMapping Mapping, PropertyProfile Property, string Citation);
