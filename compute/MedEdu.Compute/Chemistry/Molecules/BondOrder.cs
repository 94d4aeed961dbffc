namespace MedEdu.Compute.Chemistry.Molecules;

/// <summary>Bond types; the numeric values are RDKit's, which its Morgan hashing uses.</summary>
public enum BondOrder
{
    /// <summary>A single bond.</summary>
    Single = 1,

    /// <summary>A double bond.</summary>
    Double = 2,

    /// <summary>A triple bond.</summary>
    Triple = 3,

    /// <summary>A quadruple bond (SMILES '$').</summary>
    Quadruple = 4,

    /// <summary>An aromatic bond.</summary>
    Aromatic = 12,
}

/// <summary>Directional single-bond marks of SMILES cis/trans notation.</summary>
public enum BondDirection
{
    /// <summary>No mark.</summary>
    None,

    /// <summary>'/'.</summary>
    Up,

    /// <summary>'\'.</summary>
    Down,
}

/// <summary>Tetrahedral and other chirality marks as written in SMILES, kept as data.</summary>
public enum ChiralTag
{
    /// <summary>No chirality mark.</summary>
    None,

    /// <summary>'@' (anticlockwise).</summary>
    Anticlockwise,

    /// <summary>'@@' (clockwise).</summary>
    Clockwise,

    /// <summary>'@TH', '@AL', '@SP', '@TB', '@OH' classes; the number is in <see cref="Atom.ChiralPermutation"/>.</summary>
    Other,
}
