namespace MedEdu.Compute.Chemistry.Fingerprints;

/// <summary>
/// The 32-bit hash combining RDKit uses for Morgan invariants (Boost's hash_combine on a 32-bit
/// seed), so that our fingerprints set the same bits as RDKit's.
/// </summary>
public static class RdkitHash
{
    /// <summary>seed ^= value + 0x9e3779b9 + (seed &lt;&lt; 6) + (seed &gt;&gt; 2), in 32-bit arithmetic.</summary>
    public static uint Combine(uint seed, uint value) => seed ^ (value + 0x9e3779b9u + (seed << 6) + (seed >> 2));

    /// <summary>Hash of a pair (first, second) as Boost hashes std::pair.</summary>
    public static uint Pair(uint first, uint second) => Combine(Combine(0, first), second);

    /// <summary>Hash of a sequence as Boost's hash_range.</summary>
    public static uint Range(ReadOnlySpan<uint> values)
    {
        uint seed = 0;
        foreach (uint v in values)
        {
            seed = Combine(seed, v);
        }

        return seed;
    }
}
