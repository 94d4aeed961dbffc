using MedEdu.Compute.Chemistry.Molecules;
using MedEdu.Compute.Chemistry.Substruct;

namespace MedEdu.Compute.Chemistry.Descriptors;

/// <summary>The descriptors MedEdu stores for every compound, computed together (one SMARTS preparation).</summary>
public sealed record DescriptorSet(
    double MolWt,
    double ExactMolWt,
    string Formula,
    double MolLogP,
    double MolMR,
    double TPSA,
    int HeavyAtomCount,
    int NumHDonors,
    int NumHAcceptors,
    int NumHeteroatoms,
    int NumRotatableBonds,
    int NumValenceElectrons,
    int RingCount,
    int NumAromaticRings,
    int NumSaturatedRings,
    int NumAliphaticRings,
    double FractionCSP3)
{
    /// <summary>Computes every descriptor of <paramref name="m"/>.</summary>
    public static DescriptorSet Compute(Molecule m)
    {
        var target = new MatchTarget(m);
        var (logp, mr) = Crippen.Compute(m);
        return new DescriptorSet(
            MolecularDescriptors.MolWt(m),
            MolecularDescriptors.ExactMolWt(m),
            MolecularDescriptors.MolecularFormula(m),
            logp,
            mr,
            MolecularDescriptors.TPSA(m),
            MolecularDescriptors.HeavyAtomCount(m),
            MolecularDescriptors.NumHDonors(target),
            MolecularDescriptors.NumHAcceptors(target),
            MolecularDescriptors.NumHeteroatoms(m),
            MolecularDescriptors.NumRotatableBonds(target),
            MolecularDescriptors.NumValenceElectrons(m),
            MolecularDescriptors.RingCount(m),
            MolecularDescriptors.NumAromaticRings(m),
            MolecularDescriptors.NumSaturatedRings(m),
            MolecularDescriptors.NumAliphaticRings(m),
            MolecularDescriptors.FractionCSP3(m));
    }

    /// <summary>The properties a screening store filters on, in <c>Screening.CompoundProperty</c> order.</summary>
    public float[] ScreeningProperties() => [(float)MolWt, (float)MolLogP, (float)TPSA, NumHDonors, NumHAcceptors, NumRotatableBonds];

    /// <summary>Lipinski's rule of five: MW ≤ 500, logP ≤ 5, donors ≤ 5, acceptors ≤ 10 (violations counted).</summary>
    public int LipinskiViolations =>
        (MolWt > 500 ? 1 : 0) + (MolLogP > 5 ? 1 : 0) + (NumHDonors > 5 ? 1 : 0) + (NumHAcceptors > 10 ? 1 : 0);

    /// <summary>Passes the rule of five (at most one violation, Lipinski's own allowance).</summary>
    public bool PassesLipinski => LipinskiViolations <= 1;

    /// <summary>Veber's oral bioavailability rule: rotatable bonds ≤ 10 and TPSA ≤ 140.</summary>
    public bool PassesVeber => NumRotatableBonds <= 10 && TPSA <= 140;
}
