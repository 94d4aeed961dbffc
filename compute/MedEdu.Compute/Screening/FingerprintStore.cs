using System.Numerics;
using System.Runtime.InteropServices;

namespace MedEdu.Compute.Screening;

/// <summary>
/// A library of packed fingerprints for screening: fingerprints in one 64-byte-aligned native
/// block (row i at word i × <see cref="Words"/>), popcounts precomputed, compound ids and six
/// float properties in columns. Build with <see cref="FingerprintStoreBuilder"/> or load with
/// <see cref="FingerprintStoreFile"/>.
/// </summary>
public sealed unsafe class FingerprintStore : IDisposable
{
    private ulong* _fingerprints;

    internal FingerprintStore(int bits, int capacity)
    {
        if (bits % 64 != 0 || bits <= 0)
        {
            throw new ArgumentException($"fingerprint width must be a positive multiple of 64 bits, not {bits}", nameof(bits));
        }

        Bits = bits;
        Words = bits / 64;
        Capacity = Math.Max(capacity, 1);
        _fingerprints = (ulong*)NativeMemory.AlignedAlloc((nuint)((long)Capacity * Words * sizeof(ulong)), 64);
        PopCounts = new int[Capacity];
        Ids = new string[Capacity];
        Properties = new float[PropertyFilter.PropertyCount][];
        for (int p = 0; p < Properties.Length; p++)
        {
            Properties[p] = new float[Capacity];
        }
    }

    /// <summary>Fingerprint width in bits (2048 or 1024 usually).</summary>
    public int Bits { get; }

    /// <summary>64-bit words per fingerprint.</summary>
    public int Words { get; }

    /// <summary>Compounds in the store.</summary>
    public int Count { get; internal set; }

    /// <summary>Rows allocated.</summary>
    internal int Capacity { get; }

    /// <summary>Bits set in each fingerprint.</summary>
    public int[] PopCounts { get; }

    /// <summary>Compound ids.</summary>
    public string[] Ids { get; }

    /// <summary>Property columns, indexed by <see cref="CompoundProperty"/>.</summary>
    public float[][] Properties { get; }

    /// <summary>The whole fingerprint block (Count × Words words).</summary>
    public ReadOnlySpan<ulong> AllFingerprints => new(Pointer, checked(Count * Words));

    /// <summary>One fingerprint.</summary>
    public ReadOnlySpan<ulong> Fingerprint(int index) => new(Pointer + ((long)index * Words), Words);

    /// <summary>The aligned block, for engines that stream it.</summary>
    internal ulong* Pointer => _fingerprints != null ? _fingerprints : throw new ObjectDisposedException(nameof(FingerprintStore));

    /// <summary>Writable row during building and loading.</summary>
    internal Span<ulong> Row(int index) => new(Pointer + ((long)index * Words), Words);

    /// <summary>A property of one compound.</summary>
    public float Property(int index, CompoundProperty property) => Properties[(int)property][index];

    /// <summary>Recomputes a row's popcount.</summary>
    internal void UpdatePopCount(int index)
    {
        int count = 0;
        foreach (ulong w in Row(index))
        {
            count += BitOperations.PopCount(w);
        }

        PopCounts[index] = count;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_fingerprints != null)
        {
            NativeMemory.AlignedFree(_fingerprints);
            _fingerprints = null;
        }
    }
}
