namespace MedEdu.Compute.Learning;

/// <summary>A molecule ready for learning: its label, scaffold, fingerprint (for the applicability domain) and feature vector.</summary>
/// <param name="Id">Compound id.</param>
/// <param name="Smiles">The SMILES as given.</param>
/// <param name="Label">Measured value (regression) or 0/1 class.</param>
/// <param name="Scaffold">Bemis-Murcko scaffold SMILES ("" when acyclic).</param>
/// <param name="Fingerprint">Morgan radius-2 2048-bit fingerprint.</param>
/// <param name="Features">Morgan counts folded to 2048 bins, then the descriptors of <see cref="MoleculeFeaturizer.DescriptorNames"/> (held sparse).</param>
public sealed record FeaturizedMolecule(string Id, string Smiles, float Label, string Scaffold, ulong[] Fingerprint, MoleculeFeatures Features);
