using System.Runtime.InteropServices;
using ILGPU;

namespace MedEdu.Compute.Screening;

/// <summary>Scalar arguments of the tile kernel, passed by value.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TileKernelArgs
{
    /// <summary>Compounds in the store.</summary>
    public int Count;

    /// <summary>Row stride of the word-major layout (Count rounded up to a multiple of 32).</summary>
    public int Padded;

    public int Words;

    /// <summary>Queries in this tile (at most <see cref="IlgpuKernels.MaxTile"/>).</summary>
    public int Queries;

    /// <summary>Rows [RowStart, RowEnd) are scored; the rest of the tile's score rows are left as they are (a threshold's popcount window).</summary>
    public int RowStart;

    public int RowEnd;
    public int Metric;
    public float Alpha;
    public float Beta;
    public int Filtered;

    /// <summary>1 to count scores into the per-query histogram (top-k searches).</summary>
    public int Histogram;
    public PropertyFilter Filter;
}

/// <summary>Scalar arguments of the compaction kernel.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CompactKernelArgs
{
    public int Padded;
    public int Queries;
    public int RowStart;
    public int RowEnd;

    /// <summary>Hit slots per query in the candidate buffers.</summary>
    public int Capacity;
}

/// <summary>
/// The ILGPU kernels. The store lives on the device word-major (word w of row i at
/// <c>w × Padded + i</c>), so the 32 threads of a warp read 32 consecutive words: coalesced. A
/// tile of up to <see cref="MaxTile"/> queries sits in shared memory and each thread reads its row
/// once for the whole tile, counting common bits for every query of it; scores go to a device
/// buffer that never crosses PCIe, with a per-query histogram of scores for top-k searches. A
/// second kernel compacts the rows at or above each query's cut (its threshold, or the histogram
/// bin that holds its k-th score) into a bounded candidate buffer: only those hits are copied back.
/// </summary>
internal static class IlgpuKernels
{
    /// <summary>Queries scored per pass over the library.</summary>
    public const int MaxTile = 8;

    /// <summary>Widest fingerprint whose queries fit in shared memory (4096 bits); wider ones are read from global memory.</summary>
    public const int MaxSharedWords = 64;

    /// <summary>Histogram bins over scores 0..1 (bin = floor(score × Bins), the top bin includes 1).</summary>
    public const int Bins = 1024;

    /// <summary>The histogram bin of a score (scores are in 0..1).</summary>
    public static int BinOf(float score) => Math.Min(Bins - 1, (int)(score * Bins));

    /// <summary>Scores a tile of queries against every row of the window (see the class summary). Filtered-out and padding rows score -1.</summary>
    public static void ScoreTile(
        ArrayView<ulong> fingerprints,
        ArrayView<int> popCounts,
        ArrayView<float> properties,
        ArrayView<ulong> queries,
        ArrayView<int> queryPopCounts,
        ArrayView<float> scores,
        ArrayView<int> histogram,
        TileKernelArgs args)
    {
        var tile = SharedMemory.Allocate<ulong>(MaxTile * MaxSharedWords);
        var counts = SharedMemory.Allocate<int>(MaxTile * Bins);
        bool shared = args.Words <= MaxSharedWords;
        for (int j = Group.IdxX; j < MaxTile * Bins; j += Group.DimX)
        {
            counts[j] = 0;
        }

        if (shared)
        {
            for (int j = Group.IdxX; j < args.Queries * args.Words; j += Group.DimX)
            {
                tile[j] = queries[j];
            }
        }

        Group.Barrier();
        int stride = Grid.DimX * Group.DimX;
        for (int i = args.RowStart + Grid.GlobalIndex.X; i < args.RowEnd; i += stride)
        {
            ScoreRow(i, fingerprints, popCounts, properties, queries, queryPopCounts, scores, tile, counts, shared, args);
        }

        Group.Barrier();
        if (args.Histogram != 0)
        {
            for (int j = Group.IdxX; j < args.Queries * Bins; j += Group.DimX)
            {
                if (counts[j] != 0)
                {
                    Atomic.Add(ref histogram[j], counts[j]);
                }
            }
        }
    }

    private static void ScoreRow(
        int i,
        ArrayView<ulong> fingerprints,
        ArrayView<int> popCounts,
        ArrayView<float> properties,
        ArrayView<ulong> queries,
        ArrayView<int> queryPopCounts,
        ArrayView<float> scores,
        ArrayView<ulong> tile,
        ArrayView<int> counts,
        bool shared,
        TileKernelArgs args)
    {
        long n = args.Count;
        bool pass = i < args.Count && (args.Filtered == 0 || PropertyFilter.Passes(
            args.Filter, properties[i], properties[n + i], properties[(2 * n) + i],
            properties[(3 * n) + i], properties[(4 * n) + i], properties[(5 * n) + i]));

        // One read of each word of the row serves the whole tile: eight counters, one per query.
        int c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0, c7 = 0;
        if (pass)
        {
            int nq = args.Queries, words = args.Words;
            for (int w = 0; w < words; w++)
            {
                ulong x = fingerprints[((long)w * args.Padded) + i];
                c0 += IntrinsicMath.BitOperations.PopCount(x & Query(tile, queries, shared, 0, w, words));
                if (nq > 1)
                {
                    c1 += IntrinsicMath.BitOperations.PopCount(x & Query(tile, queries, shared, 1, w, words));
                }

                if (nq > 2)
                {
                    c2 += IntrinsicMath.BitOperations.PopCount(x & Query(tile, queries, shared, 2, w, words));
                }

                if (nq > 3)
                {
                    c3 += IntrinsicMath.BitOperations.PopCount(x & Query(tile, queries, shared, 3, w, words));
                }

                if (nq > 4)
                {
                    c4 += IntrinsicMath.BitOperations.PopCount(x & Query(tile, queries, shared, 4, w, words));
                }

                if (nq > 5)
                {
                    c5 += IntrinsicMath.BitOperations.PopCount(x & Query(tile, queries, shared, 5, w, words));
                }

                if (nq > 6)
                {
                    c6 += IntrinsicMath.BitOperations.PopCount(x & Query(tile, queries, shared, 6, w, words));
                }

                if (nq > 7)
                {
                    c7 += IntrinsicMath.BitOperations.PopCount(x & Query(tile, queries, shared, 7, w, words));
                }
            }
        }

        int pop = i < args.Count ? popCounts[i] : 0;
        for (int q = 0; q < args.Queries; q++)
        {
            int common = q switch { 0 => c0, 1 => c1, 2 => c2, 3 => c3, 4 => c4, 5 => c5, 6 => c6, _ => c7 };
            float score = pass ? SimilarityMeasure.Score(args.Metric, args.Alpha, args.Beta, queryPopCounts[q], pop, common) : -1f;
            scores[((long)q * args.Padded) + i] = score;
            if (pass && args.Histogram != 0)
            {
                Atomic.Add(ref counts[(q * Bins) + BinOf(score)], 1);
            }
        }
    }

    private static ulong Query(ArrayView<ulong> tile, ArrayView<ulong> queries, bool shared, int q, int w, int words) =>
        shared ? tile[(q * words) + w] : queries[((long)q * words) + w];

    /// <summary>Copies every row of the window scoring at or above its query's cut into that query's candidate slots (counting all of them, even past the capacity).</summary>
    public static void Compact(
        ArrayView<float> scores,
        ArrayView<float> cuts,
        ArrayView<int> hitCounts,
        ArrayView<int> hitIndices,
        ArrayView<float> hitScores,
        CompactKernelArgs args)
    {
        int stride = Grid.DimX * Group.DimX;
        for (int i = args.RowStart + Grid.GlobalIndex.X; i < args.RowEnd; i += stride)
        {
            for (int q = 0; q < args.Queries; q++)
            {
                float score = scores[((long)q * args.Padded) + i];
                if (score >= 0f && score >= cuts[q])
                {
                    int slot = Atomic.Add(ref hitCounts[q], 1);
                    if (slot < args.Capacity)
                    {
                        hitIndices[((long)q * args.Capacity) + slot] = i;
                        hitScores[((long)q * args.Capacity) + slot] = score;
                    }
                }
            }
        }
    }

    /// <summary>Reads the whole store once (a sum of its words): the device's read bandwidth, for the bench's ceiling.</summary>
    public static void ReadAll(ArrayView<ulong> fingerprints, ArrayView<ulong> sink)
    {
        int stride = Grid.DimX * Group.DimX;
        ulong sum = 0;
        for (long j = Grid.GlobalIndex.X; j < fingerprints.Length; j += stride)
        {
            sum += fingerprints[j];
        }

        if (sum == 0x5EED)
        {
            sink[0] = sum; // never true in practice; keeps the reads from being optimised away
        }
    }
}
