using System.Diagnostics;
using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace MedEdu.Compute.Screening;

/// <summary>The accelerator an <see cref="IlgpuEngine"/> runs on.</summary>
public enum IlgpuTarget
{
    /// <summary>An NVIDIA GPU through CUDA.</summary>
    Cuda,

    /// <summary>An OpenCL device.</summary>
    OpenCL,

    /// <summary>ILGPU's CPU accelerator (an emulator: right for testing kernels, slow).</summary>
    Cpu,
}

/// <summary>
/// Screening with ILGPU. A store is uploaded once per engine, word-major so that a warp's reads
/// are coalesced, with its popcounts and properties, and stays resident with its pooled buffers
/// (no allocation proportional to the library per search). Queries go in tiles of
/// <see cref="IlgpuKernels.MaxTile"/>, sorted by popcount: each tile reads the library once
/// (a threshold tile only its popcount window), scores land in a device buffer, and only the
/// rows at or above each query's cut are compacted and copied back, where the exact top-k or
/// threshold hits are ordered with the tie rule of every engine. A top-k cut is the lower edge of
/// the histogram bin holding the k-th score, so ties at the k-th score are all kept; a cut that
/// yields more candidates than the buffer holds grows the buffer and compacts again: nothing is
/// ever truncated.
/// </summary>
public sealed class IlgpuEngine : ISimilarityEngine
{
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly Action<KernelConfig, ArrayView<ulong>, ArrayView<int>, ArrayView<float>, ArrayView<ulong>, ArrayView<int>, ArrayView<float>, ArrayView<int>, TileKernelArgs> _tile;
    private readonly Action<KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<float>, CompactKernelArgs> _compact;
    private readonly ConditionalWeakTable<FingerprintStore, DeviceStore> _uploads = [];
    private readonly object _gate = new();

    private IlgpuEngine(Context context, Accelerator accelerator, IlgpuTarget target)
    {
        _context = context;
        _accelerator = accelerator;
        Target = target;
        _tile = accelerator.LoadStreamKernel<ArrayView<ulong>, ArrayView<int>, ArrayView<float>, ArrayView<ulong>, ArrayView<int>, ArrayView<float>, ArrayView<int>, TileKernelArgs>(IlgpuKernels.ScoreTile);
        _compact = accelerator.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<float>, CompactKernelArgs>(IlgpuKernels.Compact);
    }

    /// <summary>The accelerator kind.</summary>
    public IlgpuTarget Target { get; }

    /// <inheritdoc />
    public string Name => Target switch
    {
        IlgpuTarget.Cuda => "ilgpu-cuda",
        IlgpuTarget.OpenCL => "ilgpu-opencl",
        _ => "ilgpu-cpu",
    };

    /// <inheritdoc />
    public string Device => $"{_accelerator.Name} ({_accelerator.AcceleratorType}, {_accelerator.MemorySize / (1 << 20)} MiB)";

    /// <summary>Creates an engine on the first device of <paramref name="target"/>, or null when there is none.</summary>
    public static IlgpuEngine? TryCreate(IlgpuTarget target)
    {
        Context? context = null;
        try
        {
            context = Context.Create(builder =>
            {
                _ = target switch
                {
                    IlgpuTarget.Cuda => builder.Cuda(),
                    IlgpuTarget.OpenCL => builder.OpenCL(),
                    _ => builder.CPU(),
                };
                builder.Optimize(OptimizationLevel.O2);
            });
            Accelerator? accelerator = target switch
            {
                IlgpuTarget.Cuda => context.GetCudaDevices().Count > 0 ? context.CreateCudaAccelerator(0) : null,
                IlgpuTarget.OpenCL => context.GetCLDevices().Count > 0 ? context.CreateCLAccelerator(0) : null,
                _ => context.CreateCPUAccelerator(0),
            };
            if (accelerator is null)
            {
                context.Dispose();
                return null;
            }

            return new IlgpuEngine(context, accelerator, target);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or DllNotFoundException or TypeInitializationException or AcceleratorException)
        {
            context?.Dispose();
            return null;
        }
    }

    /// <inheritdoc />
    public ScreeningResult Search(FingerprintStore store, ScreeningRequest request)
    {
        var watch = Stopwatch.StartNew();
        var queryPops = RequestValidation.QueryPopCounts(store, request);
        int nq = request.Queries.Count;
        if (store.Count == 0 || nq == 0)
        {
            return new ScreeningResult(Enumerable.Range(0, nq).Select(_ => Array.Empty<ScreeningHit>()).ToArray(), Name, watch.Elapsed, 0);
        }

        lock (_gate)
        {
            var device = _uploads.GetValue(store, s => new DeviceStore(_accelerator, s));
            var hits = new ScreeningHit[nq][];
            long scored = 0;

            // Queries of similar popcount share a tile, so a threshold tile's window stays narrow.
            var order = Enumerable.Range(0, nq).OrderBy(q => queryPops[q]).ToArray();
            for (int first = 0; first < nq; first += IlgpuKernels.MaxTile)
            {
                var tile = order.Skip(first).Take(IlgpuKernels.MaxTile).ToArray();
                scored += SearchTile(store, device, request, queryPops, tile, hits);
            }

            return new ScreeningResult(hits, Name, watch.Elapsed, scored);
        }
    }

    private long SearchTile(FingerprintStore store, DeviceStore device, ScreeningRequest request, int[] queryPops, int[] tile, ScreeningHit[][] hits)
    {
        int words = store.Words, n = tile.Length;
        var flat = new ulong[n * words];
        var pops = new int[n];
        for (int t = 0; t < n; t++)
        {
            request.Queries[tile[t]].CopyTo(flat, t * words);
            pops[t] = queryPops[tile[t]];
        }

        device.Queries.View.SubView(0, flat.Length).AsContiguous().CopyFromCPU(flat);
        device.QueryPopCounts.View.SubView(0, n).AsContiguous().CopyFromCPU(pops);
        var (start, end) = request.IsTopK ? (0, store.Count) : ThresholdWindow(store, request, pops);
        if (end <= start)
        {
            foreach (int q in tile)
            {
                hits[q] = [];
            }

            return 0;
        }

        var args = new TileKernelArgs
        {
            Count = store.Count,
            Padded = device.Padded,
            Words = words,
            Queries = n,
            RowStart = start,
            RowEnd = end,
            Metric = (int)request.Measure.Metric,
            Alpha = request.Measure.Alpha,
            Beta = request.Measure.Beta,
            Filtered = request.Filter.IsEmpty ? 0 : 1,
            Histogram = request.IsTopK ? 1 : 0,
            Filter = request.Filter,
        };
        device.Histogram.MemSetToZero();
        _tile(Launch(end - start), device.Fingerprints.View, device.PopCounts.View, device.Properties.View,
            device.Queries.View, device.QueryPopCounts.View, device.Scores.View, device.Histogram.View, args);

        var cuts = request.IsTopK ? TopKCuts(device, n, request.K) : Enumerable.Repeat(Math.Max(request.Threshold, 0f), n).ToArray();
        device.Cuts.View.SubView(0, n).AsContiguous().CopyFromCPU(cuts);
        int[] counts = Compact(device, n, start, end);
        int largest = counts.Max();
        if (largest > device.Capacity)
        {
            // More rows reach a cut than the buffer holds: grow it and compact again, never truncate.
            device.GrowCandidates(largest);
            counts = Compact(device, n, start, end);
        }

        for (int t = 0; t < n; t++)
        {
            var indices = new int[counts[t]];
            var scores = new float[counts[t]];
            device.HitIndices.View.SubView((long)t * device.Capacity, counts[t]).AsContiguous().CopyToCPU(indices);
            device.HitScores.View.SubView((long)t * device.Capacity, counts[t]).AsContiguous().CopyToCPU(scores);
            var found = new ScreeningHit[counts[t]];
            for (int h = 0; h < found.Length; h++)
            {
                found[h] = new ScreeningHit(indices[h], scores[h]);
            }

            Array.Sort(found);
            hits[tile[t]] = request.IsTopK && found.Length > request.K ? found[..request.K] : found;
        }

        return (long)(end - start) * n;
    }

    private int[] Compact(DeviceStore device, int queries, int start, int end)
    {
        device.HitCounts.MemSetToZero();
        _compact(Launch(end - start), device.Scores.View, device.Cuts.View, device.HitCounts.View, device.HitIndices.View, device.HitScores.View,
            new CompactKernelArgs { Padded = device.Padded, Queries = queries, RowStart = start, RowEnd = end, Capacity = device.Capacity });
        _accelerator.Synchronize();
        var counts = new int[queries];
        device.HitCounts.View.SubView(0, queries).AsContiguous().CopyToCPU(counts);
        return counts;
    }

    /// <summary>Per query, the lower edge of the histogram bin that holds its k-th score (0 when fewer than k rows pass the filter).</summary>
    private float[] TopKCuts(DeviceStore device, int queries, int k)
    {
        _accelerator.Synchronize();
        var histogram = new int[queries * IlgpuKernels.Bins];
        device.Histogram.View.SubView(0, histogram.Length).AsContiguous().CopyToCPU(histogram);
        var cuts = new float[queries];
        for (int q = 0; q < queries; q++)
        {
            long seen = 0;
            for (int bin = IlgpuKernels.Bins - 1; bin >= 0; bin--)
            {
                seen += histogram[(q * IlgpuKernels.Bins) + bin];
                if (seen >= k)
                {
                    cuts[q] = (float)bin / IlgpuKernels.Bins;
                    break;
                }
            }
        }

        return cuts;
    }

    /// <summary>The rows of the popcount bands any query of the tile can reach its threshold in (the store is ordered by popcount).</summary>
    private static (int Start, int End) ThresholdWindow(FingerprintStore store, ScreeningRequest request, int[] pops)
    {
        int start = store.Count, end = 0;
        foreach (int a in pops)
        {
            var (s, e) = PopCountWindow.Rows(store, request.Measure, a, request.Threshold);
            if (e > s)
            {
                start = Math.Min(start, s);
                end = Math.Max(end, e);
            }
        }

        return (start, end);
    }

    /// <summary>
    /// Bytes per second the device reads when a kernel streams the whole resident store once (a
    /// sum of its words), best of <paramref name="repeats"/>: the ceiling a search is compared with.
    /// </summary>
    public double MeasureReadBandwidth(FingerprintStore store, int repeats)
    {
        lock (_gate)
        {
            var device = _uploads.GetValue(store, s => new DeviceStore(_accelerator, s));
            var read = _accelerator.LoadStreamKernel<ArrayView<ulong>, ArrayView<ulong>>(IlgpuKernels.ReadAll);
            using var sink = _accelerator.Allocate1D<ulong>(1);
            double best = double.MaxValue;
            for (int r = 0; r <= repeats; r++)
            {
                var watch = Stopwatch.StartNew();
                read(Launch(store.Count), device.Fingerprints.View, sink.View);
                _accelerator.Synchronize();
                if (r > 0)
                {
                    best = Math.Min(best, watch.Elapsed.TotalSeconds);
                }
            }

            return device.Fingerprints.LengthInBytes / best;
        }
    }

    private KernelConfig Launch(int rows)
    {
        int group = Math.Min(256, _accelerator.MaxNumThreadsPerGroup);
        int groups = Math.Clamp((rows + group - 1) / group, 1, Math.Max(1, _accelerator.NumMultiprocessors * 8));
        return new KernelConfig(groups, group);
    }

    /// <inheritdoc />
    public void Release(FingerprintStore store)
    {
        lock (_gate)
        {
            if (_uploads.TryGetValue(store, out var device))
            {
                _uploads.Remove(store);
                device.Dispose();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _accelerator.Dispose();
        _context.Dispose();
    }

    /// <summary>A store's arrays on the device, word-major, with the buffers every search reuses.</summary>
    private sealed class DeviceStore : IDisposable
    {
        private readonly Accelerator _accelerator;

        public DeviceStore(Accelerator accelerator, FingerprintStore store)
        {
            _accelerator = accelerator;
            Padded = Math.Max(32, (store.Count + 31) / 32 * 32);
            Fingerprints = accelerator.Allocate1D<ulong>((long)Padded * store.Words);
            Upload(store);
            PopCounts = accelerator.Allocate1D(store.PopCounts.AsSpan(0, store.Count).ToArray());
            var props = new float[PropertyFilter.PropertyCount * Math.Max(1, store.Count)];
            for (int p = 0; p < PropertyFilter.PropertyCount; p++)
            {
                store.Properties[p].AsSpan(0, store.Count).CopyTo(props.AsSpan(p * store.Count));
            }

            Properties = accelerator.Allocate1D(props);
            Queries = accelerator.Allocate1D<ulong>(IlgpuKernels.MaxTile * store.Words);
            QueryPopCounts = accelerator.Allocate1D<int>(IlgpuKernels.MaxTile);
            Scores = accelerator.Allocate1D<float>((long)IlgpuKernels.MaxTile * Padded);
            Histogram = accelerator.Allocate1D<int>(IlgpuKernels.MaxTile * IlgpuKernels.Bins);
            Cuts = accelerator.Allocate1D<float>(IlgpuKernels.MaxTile);
            HitCounts = accelerator.Allocate1D<int>(IlgpuKernels.MaxTile);
            GrowCandidates(4096);
        }

        public int Padded { get; }

        public int Capacity { get; private set; }

        public MemoryBuffer1D<ulong, Stride1D.Dense> Fingerprints { get; }

        public MemoryBuffer1D<int, Stride1D.Dense> PopCounts { get; }

        public MemoryBuffer1D<float, Stride1D.Dense> Properties { get; }

        public MemoryBuffer1D<ulong, Stride1D.Dense> Queries { get; }

        public MemoryBuffer1D<int, Stride1D.Dense> QueryPopCounts { get; }

        public MemoryBuffer1D<float, Stride1D.Dense> Scores { get; }

        public MemoryBuffer1D<int, Stride1D.Dense> Histogram { get; }

        public MemoryBuffer1D<float, Stride1D.Dense> Cuts { get; }

        public MemoryBuffer1D<int, Stride1D.Dense> HitCounts { get; }

        public MemoryBuffer1D<int, Stride1D.Dense> HitIndices { get; private set; } = null!;

        public MemoryBuffer1D<float, Stride1D.Dense> HitScores { get; private set; } = null!;

        /// <summary>Makes room for at least <paramref name="perQuery"/> candidates per query (doubling, so growth is rare).</summary>
        public void GrowCandidates(int perQuery)
        {
            int capacity = Math.Max(Capacity, 4096);
            while (capacity < perQuery)
            {
                capacity *= 2;
            }

            if (capacity == Capacity)
            {
                return;
            }

            HitIndices?.Dispose();
            HitScores?.Dispose();
            Capacity = capacity;
            HitIndices = _accelerator.Allocate1D<int>((long)IlgpuKernels.MaxTile * capacity);
            HitScores = _accelerator.Allocate1D<float>((long)IlgpuKernels.MaxTile * capacity);
        }

        public void Dispose()
        {
            foreach (var buffer in new MemoryBuffer?[] { Fingerprints, PopCounts, Properties, Queries, QueryPopCounts, Scores, Histogram, Cuts, HitCounts, HitIndices, HitScores })
            {
                buffer?.Dispose();
            }
        }

        /// <summary>Transposes the rows to word-major on the way up, a slice of rows at a time.</summary>
        private void Upload(FingerprintStore store)
        {
            const int sliceRows = 1 << 16;
            var column = new ulong[sliceRows];
            for (int start = 0; start < store.Count; start += sliceRows)
            {
                int rows = Math.Min(sliceRows, store.Count - start);
                for (int w = 0; w < store.Words; w++)
                {
                    for (int r = 0; r < rows; r++)
                    {
                        column[r] = store.Fingerprint(start + r)[w];
                    }

                    Fingerprints.View.SubView(((long)w * Padded) + start, rows).AsContiguous().CopyFromCPU(column.AsSpan(0, rows));
                }
            }
        }
    }
}
