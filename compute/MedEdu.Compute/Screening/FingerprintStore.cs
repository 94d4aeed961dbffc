using System.Numerics;
using System.Runtime.InteropServices;

namespace MedEdu.Compute.Screening;

/// <summary>
/// A library of packed fingerprints for screening: fingerprints in one 64-byte-aligned native
/// block (row i at word i × <see cref="Words"/>), popcounts precomputed, compound ids and six
/// float properties in columns. Rows are ordered by popcount (chemfp's arena layout), with an
/// index from each popcount to its row range, so a search can skip every band whose popcount
/// cannot reach its threshold or its current k-th score (the Swamidass-Baldi bound). Build with
/// <see cref="FingerprintStoreBuilder"/> or load with <see cref="FingerprintStoreFile"/>.
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

    /// <summary>
    /// Rows with popcount p are <c>[PopCountBands[p], PopCountBands[p + 1])</c>, for p from 0 to
    /// <see cref="Bits"/> (the array has <c>Bits + 2</c> entries).
    /// </summary>
    public int[] PopCountBands { get; private set; } = [];

    /// <summary>The rows whose popcount lies in <c>[lowest, highest]</c> (clamped to 0..Bits), as a row range.</summary>
    public (int Start, int End) RowsWithPopCounts(int lowest, int highest)
    {
        lowest = Math.Clamp(lowest, 0, Bits + 1);
        highest = Math.Clamp(highest, -1, Bits);
        return highest < lowest ? (0, 0) : (PopCountBands[lowest], PopCountBands[highest + 1]);
    }

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

    /// <summary>
    /// Orders the rows by popcount (stable: equal popcounts keep their order), moving ids and
    /// properties with them, and builds <see cref="PopCountBands"/>. In place, one row of scratch.
    /// </summary>
    /// <returns>True when the rows were already in popcount order.</returns>
    internal bool SortByPopCount()
    {
        var bands = new int[Bits + 2];
        for (int i = 0; i < Count; i++)
        {
            bands[PopCounts[i] + 1]++;
        }

        for (int p = 1; p < bands.Length; p++)
        {
            bands[p] += bands[p - 1];
        }

        // Counting sort: destination of each row, then the cycles of that permutation.
        var next = (int[])bands.Clone();
        var destination = new int[Count];
        bool sorted = true;
        for (int i = 0; i < Count; i++)
        {
            destination[i] = next[PopCounts[i]]++;
            sorted &= destination[i] == i;
        }

        if (!sorted)
        {
            Permute(destination);
        }

        PopCountBands = bands;
        return sorted;
    }

    private void Permute(int[] destination)
    {
        PermuteColumn(PopCounts, destination);
        PermuteColumn(Ids, destination);
        foreach (var column in Properties)
        {
            PermuteColumn(column, destination);
        }

        // Rows follow the permutation's cycles, carrying one row at a time through two scratch rows.
        var carried = new ulong[Words];
        var displaced = new ulong[Words];
        var done = new bool[Count];
        for (int start = 0; start < Count; start++)
        {
            if (done[start] || destination[start] == start)
            {
                continue;
            }

            Row(start).CopyTo(carried);
            int at = start;
            do
            {
                int to = destination[at];
                Row(to).CopyTo(displaced);
                carried.CopyTo(Row(to));
                (carried, displaced) = (displaced, carried);
                done[to] = true;
                at = to;
            }
            while (at != start);
        }
    }

    private void PermuteColumn<T>(T[] column, int[] destination)
    {
        var moved = new T[Count];
        for (int i = 0; i < Count; i++)
        {
            moved[destination[i]] = column[i];
        }

        moved.CopyTo(column, 0);
    }

    /// <summary>True once disposed: its fingerprints are freed.</summary>
    public bool IsDisposed => _fingerprints == null;

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
