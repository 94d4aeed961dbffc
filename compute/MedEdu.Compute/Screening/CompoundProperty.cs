namespace MedEdu.Compute.Screening;

/// <summary>The properties a fingerprint store keeps per compound for in-kernel filters.</summary>
public enum CompoundProperty
{
    /// <summary>Molecular weight.</summary>
    MolWt,

    /// <summary>Wildman-Crippen logP.</summary>
    MolLogP,

    /// <summary>Topological polar surface area.</summary>
    TPSA,

    /// <summary>Hydrogen-bond donors.</summary>
    NumHDonors,

    /// <summary>Hydrogen-bond acceptors.</summary>
    NumHAcceptors,

    /// <summary>Rotatable bonds.</summary>
    NumRotatableBonds,
}
