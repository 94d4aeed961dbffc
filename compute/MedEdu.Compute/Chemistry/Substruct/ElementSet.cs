namespace MedEdu.Compute.Chemistry.Substruct;

/// <summary>
/// The elements a query atom can match, as bits by atomic number (0-127): what the SMARTS names
/// ("[#7,#8]" is {N, O}), or every element where a primitive does not say ("*", "a", "!N",
/// "$(...)"). The matcher skips a pattern whose elements a molecule lacks, and a query atom on an
/// atom of another element, before any predicate runs; a set is never narrower than the atom's
/// expression, so it only saves work.
/// </summary>
internal readonly record struct ElementSet(UInt128 Bits)
{
    /// <summary>Every element.</summary>
    public static ElementSet Any { get; } = new(UInt128.MaxValue);

    /// <summary>The one element <paramref name="atomicNumber"/>.</summary>
    public static ElementSet Of(int atomicNumber) => atomicNumber is >= 0 and < 128 ? new(UInt128.One << atomicNumber) : Any;

    /// <summary>True when every element is in the set.</summary>
    public bool IsAny => Bits == UInt128.MaxValue;

    /// <summary>True when the set holds <paramref name="atomicNumber"/>.</summary>
    public bool Contains(int atomicNumber) => atomicNumber is < 0 or >= 128 || ((Bits >> atomicNumber) & UInt128.One) != UInt128.Zero;

    /// <summary>The single element of the set, or -1 when it holds none or several.</summary>
    public int Single => Bits != UInt128.Zero && (Bits & (Bits - UInt128.One)) == UInt128.Zero ? (int)UInt128.TrailingZeroCount(Bits) : -1;

    /// <summary>Elements in both sets (both conditions hold).</summary>
    public static ElementSet operator &(ElementSet a, ElementSet b) => new(a.Bits & b.Bits);

    /// <summary>Elements in either set (either condition holds).</summary>
    public static ElementSet operator |(ElementSet a, ElementSet b) => new(a.Bits | b.Bits);
}
