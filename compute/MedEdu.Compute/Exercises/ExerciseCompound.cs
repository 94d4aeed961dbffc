using MedEdu.Compute.Chemistry.Descriptors;
using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Wording;

namespace MedEdu.Compute.Exercises;

/// <summary>A compound of the pool exercises are drawn from: structure, properties, the measured truth and the model's prediction.</summary>
/// <param name="Id">Compound id.</param>
/// <param name="Name">Name shown to students.</param>
/// <param name="Smiles">Structure.</param>
/// <param name="Fingerprint">Morgan r=2 2048-bit fingerprint.</param>
/// <param name="MolWt">Molecular weight.</param>
/// <param name="MolLogP">Crippen logP.</param>
/// <param name="Tpsa">Topological polar surface area.</param>
/// <param name="HDonors">H-bond donors.</param>
/// <param name="HAcceptors">H-bond acceptors.</param>
/// <param name="RotatableBonds">Rotatable bonds.</param>
/// <param name="Measured">Experimental value (or 0/1 label); null when unknown.</param>
/// <param name="Predicted">The model's prediction; null when there is no model.</param>
/// <param name="InDomain">False when the model is out of its applicability domain for this compound.</param>
/// <param name="HeldOut">True when the model's prediction is honest: the compound was not in its training set.</param>
/// <param name="Scaffold">The Murcko scaffold SMILES when known ("" for acyclic); null computes it from <paramref name="Smiles"/> when an exercise needs it.</param>
public sealed record ExerciseCompound(
    string Id, string Name, string Smiles, ulong[] Fingerprint,
    double MolWt, double MolLogP, double Tpsa, int HDonors, int HAcceptors, int RotatableBonds,
    double? Measured, double? Predicted, bool InDomain, bool HeldOut = false, string? Scaffold = null)
{
    /// <summary>A pool compound made from its structure, as the pipeline stores it: descriptors, Morgan fingerprint, no prediction.</summary>
    /// <exception cref="SmilesException">The SMILES does not parse.</exception>
    public static ExerciseCompound FromSmiles(string id, string name, string smiles, double? measured)
    {
        var molecule = SmilesParser.Parse(smiles.Trim());
        var d = DescriptorSet.Compute(molecule);
        return new ExerciseCompound(id, name, smiles.Trim(), MorganFingerprint.BitVector(molecule), d.MolWt, d.MolLogP, d.TPSA,
            d.NumHDonors, d.NumHAcceptors, d.NumRotatableBonds, measured, null, true);
    }

    /// <summary>Lipinski violations (MW &gt; 500, logP &gt; 5, donors &gt; 5, acceptors &gt; 10).</summary>
    public int LipinskiViolations => (MolWt > 500 ? 1 : 0) + (MolLogP > 5 ? 1 : 0) + (HDonors > 5 ? 1 : 0) + (HAcceptors > 10 ? 1 : 0);

    /// <summary>Passes Lipinski (at most one violation) and Veber (rotatable bonds ≤ 10, TPSA ≤ 140).</summary>
    public bool DrugLike => LipinskiViolations <= 1 && RotatableBonds <= 10 && Tpsa <= 140;

    /// <summary>Why the compound breaks the rules, in words, or null when it passes.</summary>
    public string? RuleBreak() => RuleBreakPhrase()?.English;

    /// <summary>Why the compound breaks the rules, as catalog words ("MW 612 > 500; 12 rotatable bonds > 10 (Veber)"), or null when it passes.</summary>
    public Phrase? RuleBreakPhrase()
    {
        var reasons = new List<Phrase>();
        if (LipinskiViolations > 1)
        {
            if (MolWt > 500)
            {
                reasons.Add(Phrase.Of("Break.MolWt", PhraseArg.Of(MolWt, "F0")));
            }

            if (MolLogP > 5)
            {
                reasons.Add(Phrase.Of("Break.LogP", PhraseArg.Of(MolLogP, "F1")));
            }

            if (HDonors > 5)
            {
                reasons.Add(Phrase.Of("Break.Donors", HDonors));
            }

            if (HAcceptors > 10)
            {
                reasons.Add(Phrase.Of("Break.Acceptors", HAcceptors));
            }
        }

        if (RotatableBonds > 10)
        {
            reasons.Add(Phrase.Of("Break.RotatableBonds", RotatableBonds));
        }

        if (Tpsa > 140)
        {
            reasons.Add(Phrase.Of("Break.Tpsa", PhraseArg.Of(Tpsa, "F0")));
        }

        return reasons.Count == 0 ? null : Phrase.Join(reasons);
    }
}
