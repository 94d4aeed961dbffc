using System.Runtime.InteropServices;

namespace MedEdu.Compute.Screening;

/// <summary>
/// Property ranges a compound must fall in to be screened (inclusive; NaN = unbounded), and
/// optionally a cap on Lipinski rule-of-five violations. A plain struct so it can be passed to
/// GPU kernels as it is.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct PropertyFilter
{
    /// <summary>Number of filterable properties.</summary>
    public const int PropertyCount = 6;

    /// <summary>Minimum MolWt.</summary>
    public float MinMolWt;
    /// <summary>Maximum MolWt.</summary>
    public float MaxMolWt;

    /// <summary>Minimum MolLogP.</summary>
    public float MinMolLogP;

    /// <summary>Maximum MolLogP.</summary>
    public float MaxMolLogP;

    /// <summary>Minimum TPSA.</summary>
    public float MinTPSA;

    /// <summary>Maximum TPSA.</summary>
    public float MaxTPSA;

    /// <summary>Minimum HBD.</summary>
    public float MinHBD;

    /// <summary>Maximum HBD.</summary>
    public float MaxHBD;

    /// <summary>Minimum HBA.</summary>
    public float MinHBA;

    /// <summary>Maximum HBA.</summary>
    public float MaxHBA;

    /// <summary>Minimum RotB.</summary>
    public float MinRotB;

    /// <summary>Maximum RotB.</summary>
    public float MaxRotB;


    /// <summary>Most Lipinski violations allowed (MW &gt; 500, logP &gt; 5, HBD &gt; 5, HBA &gt; 10), or -1 for no rule.</summary>
    public int MaxLipinskiViolations;

    /// <summary>No filter.</summary>
    public static PropertyFilter None => new()
    {
        MinMolWt = float.NaN,
        MaxMolWt = float.NaN,
        MinMolLogP = float.NaN,
        MaxMolLogP = float.NaN,
        MinTPSA = float.NaN,
        MaxTPSA = float.NaN,
        MinHBD = float.NaN,
        MaxHBD = float.NaN,
        MinHBA = float.NaN,
        MaxHBA = float.NaN,
        MinRotB = float.NaN,
        MaxRotB = float.NaN,
        MaxLipinskiViolations = -1,
    };

    /// <summary>Lipinski's rule of five, at most one violation allowed.</summary>
    public static PropertyFilter Lipinski => None with { MaxLipinskiViolations = 1 };

    /// <summary>Veber: rotatable bonds ≤ 10 and TPSA ≤ 140.</summary>
    public static PropertyFilter Veber => None with { MaxRotB = 10, MaxTPSA = 140 };

    /// <summary>Both Lipinski and Veber.</summary>
    public static PropertyFilter DrugLike => Veber with { MaxLipinskiViolations = 1 };

    /// <summary>The names <see cref="Named"/> accepts: none, lipinski, veber, druglike.</summary>
    public static IReadOnlyList<string> Names { get; } = ["none", "lipinski", "veber", "druglike"];

    /// <summary>The filter of that name (case-insensitive; empty means none), or null for an unknown name.</summary>
    public static PropertyFilter? Named(string? name) => (name ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "none" => None,
        "lipinski" => Lipinski,
        "veber" => Veber,
        "druglike" => DrugLike,
        _ => null,
    };

    /// <summary>True when no bound is set.</summary>
    public readonly bool IsEmpty => this.Equals(None) || (float.IsNaN(MinMolWt) && float.IsNaN(MaxMolWt) && float.IsNaN(MinMolLogP) && float.IsNaN(MaxMolLogP)
        && float.IsNaN(MinTPSA) && float.IsNaN(MaxTPSA) && float.IsNaN(MinHBD) && float.IsNaN(MaxHBD) && float.IsNaN(MinHBA) && float.IsNaN(MaxHBA)
        && float.IsNaN(MinRotB) && float.IsNaN(MaxRotB) && MaxLipinskiViolations < 0);

    /// <summary>Whether a compound with these properties passes (same code on CPU and in kernels).</summary>
    public static bool Passes(in PropertyFilter f, float mw, float logp, float tpsa, float hbd, float hba, float rotb)
    {
        if (!InRange(mw, f.MinMolWt, f.MaxMolWt) || !InRange(logp, f.MinMolLogP, f.MaxMolLogP) || !InRange(tpsa, f.MinTPSA, f.MaxTPSA)
            || !InRange(hbd, f.MinHBD, f.MaxHBD) || !InRange(hba, f.MinHBA, f.MaxHBA) || !InRange(rotb, f.MinRotB, f.MaxRotB))
        {
            return false;
        }

        if (f.MaxLipinskiViolations >= 0)
        {
            int violations = (mw > 500f ? 1 : 0) + (logp > 5f ? 1 : 0) + (hbd > 5f ? 1 : 0) + (hba > 10f ? 1 : 0);
            if (violations > f.MaxLipinskiViolations)
            {
                return false;
            }
        }

        return true;
    }

    // NaN bounds compare false, which reads as "unbounded".
    private static bool InRange(float value, float min, float max) => !(value < min) && !(value > max);
}
