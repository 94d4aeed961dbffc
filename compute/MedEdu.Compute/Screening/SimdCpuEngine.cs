using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MedEdu.Compute.Screening;

/// <summary>
/// The fast CPU path, exact and pruned (chemfp's BitBound over a popcount-ordered arena). The
/// store's rows are ordered by popcount, so a query reads only the popcount bands whose
/// Swamidass-Baldi bound can still reach its threshold or its current k-th score. A top-k search
/// walks the bands outward from its own popcount, best bound first, and stops when the next band's
/// bound falls below its k-th score; a batch runs its queries on all cores, a single query splits
/// each wave of bands across them. A threshold search knows its window up front, so it reads the
/// window in cache-sized blocks on all cores and every query that needs a block reads it while it
/// is in L2. Results equal brute force, with the same tie rule (score descending, index ascending).
/// </summary>
public sealed class SimdCpuEngine : ISimilarityEngine
{
    /// <summary>Rows per block: 1,024 rows of 2048 bits are 256 KiB, inside a core's L2 beside the queries.</summary>
    private const int BlockRows = 1024;

    /// <summary>Rows a single query's wave of bands gathers before it is split across the cores.</summary>
    private const int WaveRows = 32_768;

    /// <summary>Rows one core takes from a wave at a time.</summary>
    private const int ChunkRows = 4096;

    private readonly int _threads;
    private readonly PopCountPath _popCount;

    /// <summary>An engine on <paramref name="threads"/> threads (all cores by default) with the given popcount path (the best this CPU has by default).</summary>
    public SimdCpuEngine(int? threads = null, PopCountPath popCount = PopCountPath.Auto)
    {
        _threads = Math.Max(1, threads ?? Environment.ProcessorCount);
        _popCount = popCount;
    }

    /// <inheritdoc />
    public string Name => "simd";

    /// <inheritdoc />
    public string Device => $"CPU, {_threads} threads, {PopCountKernel.Describe(PopCountKernel.Resolve(_popCount, 32))} popcount, popcount-bound pruning";

    /// <inheritdoc />
    public unsafe ScreeningResult Search(FingerprintStore store, ScreeningRequest request)
    {
        var watch = Stopwatch.StartNew();
        var queryPops = RequestValidation.QueryPopCounts(store, request);
        int nq = request.Queries.Count, words = store.Words;
        var path = PopCountKernel.Resolve(_popCount, words);
        if (store.Count == 0 || nq == 0)
        {
            return new ScreeningResult(Enumerable.Range(0, nq).Select(_ => Array.Empty<ScreeningHit>()).ToArray(), Name, watch.Elapsed, 0);
        }

        var queries = (ulong*)NativeMemory.AlignedAlloc((nuint)(nq * words * sizeof(ulong)), 64);
        try
        {
            for (int q = 0; q < nq; q++)
            {
                request.Queries[q].CopyTo(new Span<ulong>(queries + (q * words), words));
            }

            var search = new Pass(store, request, queryPops, queries, path);
            var options = new ParallelOptions { MaxDegreeOfParallelism = _threads };
            if (!request.IsTopK)
            {
                search.ScanWindows(options);
            }
            else if (nq >= _threads)
            {
                Parallel.For(0, nq, options, q => search.Outward(q, null));
            }
            else
            {
                for (int q = 0; q < nq; q++)
                {
                    search.Outward(q, options);
                }
            }

            return new ScreeningResult(search.Results(), Name, watch.Elapsed, search.RowsScored);
        }
        finally
        {
            NativeMemory.AlignedFree(queries);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>What one threshold query reads: its row window.</summary>
    private readonly record struct QueryWindow(int Start, int End);

    /// <summary>Per-thread state of a threshold scan: each query's hits, and a count of rows scored.</summary>
    private sealed class ThreadState(int queries)
    {
        public readonly List<ScreeningHit>?[] Hits = new List<ScreeningHit>?[queries];
        public long Scored;
    }

    /// <summary>One search: plans per query, the blocked scan, and the merge.</summary>
    private sealed unsafe class Pass(FingerprintStore store, ScreeningRequest request, int[] queryPops, ulong* queries, PopCountPath path)
    {
        private readonly QueryWindow[] _windows = new QueryWindow[queryPops.Length];
        private readonly TopKCollector[] _topK = new TopKCollector[queryPops.Length];
        private readonly List<ScreeningHit>[] _hits = Enumerable.Range(0, queryPops.Length).Select(_ => new List<ScreeningHit>()).ToArray();
        private readonly int _metric = (int)request.Measure.Metric;
        private readonly float _alpha = request.Measure.Alpha, _beta = request.Measure.Beta;
        private readonly bool _filtered = !request.Filter.IsEmpty;
        private readonly object _gate = new();
        private long _scored;

        public long RowsScored => _scored;

        /// <summary>
        /// Top-k for query <paramref name="q"/>: bands in order of falling bound from its own popcount,
        /// until the next band's bound cannot reach the k-th score. With <paramref name="cores"/>, each
        /// wave of bands is split across them; without, the query runs on the calling thread.
        /// </summary>
        public void Outward(int q, ParallelOptions? cores)
        {
            int a = queryPops[q];
            var collector = _topK[q] = new TopKCollector(request.K);
            var bands = BandsByBound(a);
            long scored = 0;
            var wave = new List<(int Start, int End)>();
            for (int next = 0; next < bands.Count;)
            {
                wave.Clear();
                int rows = 0;
                while (next < bands.Count && (cores is null ? wave.Count == 0 : rows < WaveRows))
                {
                    if (!Reaches(a, bands[next], collector.Floor))
                    {
                        next = bands.Count;
                        break;
                    }

                    var (start, end) = store.RowsWithPopCounts(bands[next], bands[next]);
                    next++;
                    if (end > start)
                    {
                        wave.Add((start, end));
                        rows += end - start;
                    }
                }

                if (cores is null || rows <= ChunkRows)
                {
                    foreach (var (start, end) in wave)
                    {
                        scored += Scan(q, start, end, collector, null, collector.Floor);
                    }
                }
                else
                {
                    scored += ScanWaveInParallel(q, wave, collector, cores);
                }
            }

            Interlocked.Add(ref _scored, scored);
        }

        /// <summary>Popcounts from the query's own outward, best bound first (the bound falls away on both sides, so this is a merge of two falling lists).</summary>
        private List<int> BandsByBound(int a)
        {
            int bits = store.Bits;
            var order = new List<int>(bits + 1) { Math.Min(a, bits) };
            int low = order[0] - 1, high = order[0] + 1;
            while (low >= 0 || high <= bits)
            {
                bool takeLow = high > bits || (low >= 0 && Bound(a, low) >= Bound(a, high));
                order.Add(takeLow ? low-- : high++);
            }

            return order;
        }

        private long ScanWaveInParallel(int q, List<(int Start, int End)> wave, TopKCollector collector, ParallelOptions cores)
        {
            var chunks = wave.SelectMany(w => Enumerable.Range(0, ((w.End - w.Start) + ChunkRows - 1) / ChunkRows)
                .Select(c => (Start: w.Start + (c * ChunkRows), End: Math.Min(w.End, w.Start + ((c + 1) * ChunkRows))))).ToArray();
            float cut = collector.Floor;
            long scored = 0;
            Parallel.For(0, chunks.Length, cores, () => (Collector: new TopKCollector(request.K), Scored: 0L),
                (c, _, local) => (local.Collector, local.Scored + Scan(q, chunks[c].Start, chunks[c].End, local.Collector, null, cut)),
                local =>
                {
                    lock (_gate)
                    {
                        collector.Merge(local.Collector);
                        scored += local.Scored;
                    }
                });
            return scored;
        }

        private float Bound(int a, int b) => SimilarityMeasure.UpperBound(_metric, _alpha, _beta, a, b);

        private bool Reaches(int a, int b, float cut) => PopCountWindow.Reaches(request.Measure, a, b, cut);

        /// <summary>A threshold search: every query's window, read in blocks on all cores, the threads' hits merged.</summary>
        public void ScanWindows(ParallelOptions options)
        {
            for (int q = 0; q < _windows.Length; q++)
            {
                var (start, end) = PopCountWindow.Rows(store, request.Measure, queryPops[q], request.Threshold);
                _windows[q] = new QueryWindow(start, end);
            }

            int first = _windows.Min(w => w.Start), last = _windows.Max(w => w.End);
            if (last <= first)
            {
                return;
            }

            int firstBlock = first / BlockRows, lastBlock = (last - 1) / BlockRows;
            Parallel.For(firstBlock, lastBlock + 1, options, () => new ThreadState(_windows.Length), ScanBlock, Merge);
        }

        private ThreadState ScanBlock(int block, ParallelLoopState loop, ThreadState local)
        {
            int blockStart = block * BlockRows, blockEnd = Math.Min(store.Count, blockStart + BlockRows);
            for (int q = 0; q < _windows.Length; q++)
            {
                int start = Math.Max(blockStart, _windows[q].Start), end = Math.Min(blockEnd, _windows[q].End);
                if (start < end)
                {
                    local.Scored += Scan(q, start, end, null, local.Hits[q] ??= [], request.Threshold);
                }
            }

            return local;
        }

        /// <summary>Scores rows [start, end) against query q into a top-k collector or a hit list; returns the rows scored.</summary>
        private long Scan(int q, int start, int end, TopKCollector? topK, List<ScreeningHit>? hits, float cut)
        {
            if (end <= start)
            {
                return 0;
            }

            int words = store.Words, a = queryPops[q];
            ulong* query = queries + (q * words);
            ulong* row = store.Pointer + ((long)start * words);
            var pops = store.PopCounts;
            var filter = request.Filter;
            long scored = 0;
            for (int i = start; i < end; i++, row += words)
            {
                if (_filtered && !RequestValidation.Passes(store, filter, i))
                {
                    continue;
                }

                scored++;
                int common = PopCountKernel.Common(path, row, query, words);
                float score = SimilarityMeasure.Score(_metric, _alpha, _beta, a, pops[i], common);
                if (topK is not null)
                {
                    if (score >= topK.Floor && score >= cut)
                    {
                        topK.Add(i, score);
                    }
                }
                else if (score >= cut)
                {
                    hits!.Add(new ScreeningHit(i, score));
                }
            }

            return scored;
        }

        private void Merge(ThreadState local)
        {
            lock (_gate)
            {
                _scored += local.Scored;
                for (int q = 0; q < _windows.Length; q++)
                {
                    if (local.Hits[q] is { } h)
                    {
                        _hits[q].AddRange(h);
                    }
                }
            }
        }

        public ScreeningHit[][] Results()
        {
            var results = new ScreeningHit[_windows.Length][];
            for (int q = 0; q < results.Length; q++)
            {
                if (request.IsTopK)
                {
                    results[q] = _topK[q].ToSortedArray();
                }
                else
                {
                    _hits[q].Sort();
                    results[q] = [.. _hits[q]];
                }
            }

            return results;
        }
    }
}
