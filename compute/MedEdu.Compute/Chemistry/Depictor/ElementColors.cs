namespace MedEdu.Compute.Chemistry.Depictor;

/// <summary>
/// Element colours after the CPK/Jmol convention that chemistry software uses, darkened where the
/// light originals (sulfur's yellow, fluorine's pale green) fail contrast on a white page.
/// </summary>
public static class ElementColors
{
    /// <summary>Colour for carbon and for any element without its own.</summary>
    public const string Default = "#222222";

    /// <summary>The colour (CSS hex) of an element.</summary>
    public static string Of(int atomicNumber) => atomicNumber switch
    {
        1 => "#555555",
        5 => "#b35900",
        7 => "#2040d0",
        8 => "#d01010",
        9 => "#1c8a1c",
        11 or 19 => "#7040b0",
        14 => "#8a6a3a",
        15 => "#d06000",
        16 => "#9a7a00",
        17 => "#1c8a1c",
        35 => "#8b1a1a",
        53 => "#7a007a",
        _ => atomicNumber is 3 or 12 or 20 or 26 or 29 or 30 ? "#6a4a8a" : Default,
    };
}
