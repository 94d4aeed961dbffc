using System.Diagnostics;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MedEdu.Compute.Screening;

/// <summary>
/// The fast CPU path: all cores, each streaming its own slice of the aligned fingerprint block
/// once per batch (every query scored against a row while it is in L1), hardware popcount on
/// 64-bit words, unrolled for 2048 and 1024 bits, with per-thread top-k heaps merged at the end.
/// </summary>
public sealed class SimdCpuEngine(int? threads = null) : ISimilarityEngine
{
    private const int RowsPerTask = 8192;
    private readonly int _threads = threads ?? Environment.ProcessorCount;

    /// <inheritdoc />
    public string Name => "simd";

    /// <inheritdoc />
    public string Device => $"CPU, {_threads} threads, {(Avx2.IsSupported ? "AVX2 nibble-lookup" : "POPCNT")} popcount";

    /// <inheritdoc />
    public unsafe ScreeningResult Search(FingerprintStore store, ScreeningRequest request)
    {
        var watch = Stopwatch.StartNew();
        var queryPops = RequestValidation.QueryPopCounts(store, request);
        int nq = request.Queries.Count;
        int words = store.Words;
        var flatQueries = new ulong[nq * words];
        for (int q = 0; q < nq; q++)
        {
            request.Queries[q].CopyTo(flatQueries, q * words);
        }

        var filter = request.Filter;
        bool filtered = !filter.IsEmpty;
        int metric = (int)request.Measure.Metric;
        float alpha = request.Measure.Alpha, beta = request.Measure.Beta;
        var collectors = Enumerable.Range(0, nq).Select(_ => new TopKCollector(Math.Max(request.K, 1))).ToArray();
        var thresholdHits = Enumerable.Range(0, nq).Select(_ => new List<ScreeningHit>()).ToArray();
        int tasks = (store.Count + RowsPerTask - 1) / RowsPerTask;
        var gate = new object();
        ulong* block = store.Pointer;
        var options = new ParallelOptions { MaxDegreeOfParallelism = _threads };
        Parallel.For(0, tasks, options,
            () => (TopK: request.IsTopK ? new TopKCollector[nq] : null, Hits: request.IsTopK ? null : new List<ScreeningHit>[nq]),
            (task, _, local) =>
            {
                int start = task * RowsPerTask, end = Math.Min(store.Count, start + RowsPerTask);
                fixed (ulong* queries = flatQueries)
                {
                    for (int i = start; i < end; i++)
                    {
                        if (filtered && !RequestValidation.Passes(store, filter, i))
                        {
                            continue;
                        }

                        ulong* row = block + ((long)i * words);
                        int pop = store.PopCounts[i];
                        for (int q = 0; q < nq; q++)
                        {
                            int common = words % 4 != 0 ? Common(row, queries + (q * words), words)
                                : Avx2.IsSupported ? CommonAvx2(row, queries + (q * words), words)
                                : CommonUnrolled(row, queries + (q * words), words);
                            float score = SimilarityMeasure.Score(metric, alpha, beta, queryPops[q], pop, common);
                            if (local.TopK is { } topK)
                            {
                                var collector = topK[q] ??= new TopKCollector(request.K);
                                if (score >= collector.Floor)
                                {
                                    collector.Add(i, score);
                                }
                            }
                            else if (score >= request.Threshold)
                            {
                                (local.Hits![q] ??= []).Add(new ScreeningHit(i, score));
                            }
                        }
                    }
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    for (int q = 0; q < nq; q++)
                    {
                        if (local.TopK?[q] is { } c)
                        {
                            collectors[q].Merge(c);
                        }
                        else if (local.Hits?[q] is { } h)
                        {
                            thresholdHits[q].AddRange(h);
                        }
                    }
                }
            });

        var hits = new ScreeningHit[nq][];
        for (int q = 0; q < nq; q++)
        {
            if (request.IsTopK)
            {
                hits[q] = collectors[q].ToSortedArray();
            }
            else
            {
                thresholdHits[q].Sort();
                hits[q] = [.. thresholdHits[q]];
            }
        }

        return new ScreeningResult(hits, Name, watch.Elapsed);
    }

    /// <summary>
    /// Common bits with AVX2: 256 bits at a time, popcount by nibble lookup (VPSHUFB) and byte sums
    /// (VPSADBW) — about half the instructions of four scalar POPCNTs.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static unsafe int CommonAvx2(ulong* a, ulong* b, int words)
    {
        var lookup = Vector256.Create((byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
        var low = Vector256.Create((byte)0x0F);
        var total = Vector256<ulong>.Zero;
        for (int w = 0; w < words; w += 4)
        {
            var x = (Avx.LoadVector256(a + w) & Avx.LoadVector256(b + w)).AsByte();
            var counts = Avx2.Shuffle(lookup, x & low) + Avx2.Shuffle(lookup, Avx2.ShiftRightLogical(x.AsUInt16(), 4).AsByte() & low);
            total += Avx2.SumAbsoluteDifferences(counts, Vector256<byte>.Zero).AsUInt64();
        }

        return (int)(total.GetElement(0) + total.GetElement(1) + total.GetElement(2) + total.GetElement(3));
    }

    /// <summary>Common bits of two rows whose width is a multiple of 4 words, four independent counters to keep the popcount units busy.</summary>
    private static unsafe int CommonUnrolled(ulong* a, ulong* b, int words)
    {
        int c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        for (int w = 0; w < words; w += 4)
        {
            c0 += BitOperations.PopCount(a[w] & b[w]);
            c1 += BitOperations.PopCount(a[w + 1] & b[w + 1]);
            c2 += BitOperations.PopCount(a[w + 2] & b[w + 2]);
            c3 += BitOperations.PopCount(a[w + 3] & b[w + 3]);
        }

        return c0 + c1 + c2 + c3;
    }

    private static unsafe int Common(ulong* a, ulong* b, int words)
    {
        int c = 0;
        for (int w = 0; w < words; w++)
        {
            c += BitOperations.PopCount(a[w] & b[w]);
        }

        return c;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
