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
/// Screening with ILGPU: the store is uploaded once per engine, each batch of queries is scored
/// by <see cref="IlgpuKernels.Score"/> on the device, and the host picks top-k or threshold hits
/// from the score vector with the same tie rule as every engine.
/// </summary>
public sealed class IlgpuEngine : ISimilarityEngine
{
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly Action<Index1D, ArrayView<ulong>, ArrayView<int>, ArrayView<float>, ArrayView<ulong>, ArrayView<int>, ArrayView<float>, ScoreKernelArgs> _kernel;
    private readonly ConditionalWeakTable<FingerprintStore, DeviceStore> _uploads = [];
    private readonly object _gate = new();

    private IlgpuEngine(Context context, Accelerator accelerator, IlgpuTarget target)
    {
        _context = context;
        _accelerator = accelerator;
        Target = target;
        _kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<ulong>, ArrayView<int>, ArrayView<float>, ArrayView<ulong>, ArrayView<int>, ArrayView<float>, ScoreKernelArgs>(IlgpuKernels.Score);
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
            return new ScreeningResult(Enumerable.Range(0, nq).Select(_ => Array.Empty<ScreeningHit>()).ToArray(), Name, watch.Elapsed);
        }

        lock (_gate)
        {
            var device = _uploads.GetValue(store, s => new DeviceStore(_accelerator, s));
            var flatQueries = new ulong[nq * store.Words];
            for (int q = 0; q < nq; q++)
            {
                request.Queries[q].CopyTo(flatQueries, q * store.Words);
            }

            using var queries = _accelerator.Allocate1D(flatQueries);
            using var pops = _accelerator.Allocate1D(queryPops);
            using var scores = _accelerator.Allocate1D<float>((long)nq * store.Count);
            var args = new ScoreKernelArgs
            {
                Count = store.Count,
                Words = store.Words,
                Queries = nq,
                Metric = (int)request.Measure.Metric,
                Alpha = request.Measure.Alpha,
                Beta = request.Measure.Beta,
                Filtered = request.Filter.IsEmpty ? 0 : 1,
                Filter = request.Filter,
            };
            _kernel(store.Count, device.Fingerprints.View, device.PopCounts.View, device.Properties.View, queries.View, pops.View, scores.View, args);
            _accelerator.Synchronize();
            var host = scores.GetAsArray1D();
            var hits = new ScreeningHit[nq][];
            for (int q = 0; q < nq; q++)
            {
                hits[q] = ScoreSelection.Select(host.AsSpan(q * store.Count, store.Count), request);
            }

            return new ScreeningResult(hits, Name, watch.Elapsed);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _accelerator.Dispose();
        _context.Dispose();
    }

    /// <summary>A store's arrays on the device.</summary>
    private sealed class DeviceStore
    {
        public DeviceStore(Accelerator accelerator, FingerprintStore store)
        {
            Fingerprints = accelerator.Allocate1D<ulong>(Math.Max(1, (long)store.Count * store.Words));
            Fingerprints.View.SubView(0, (long)store.Count * store.Words).AsContiguous().CopyFromCPU(store.AllFingerprints);
            PopCounts = accelerator.Allocate1D(store.PopCounts.AsSpan(0, store.Count).ToArray());
            var props = new float[PropertyFilter.PropertyCount * store.Count];
            for (int p = 0; p < PropertyFilter.PropertyCount; p++)
            {
                store.Properties[p].AsSpan(0, store.Count).CopyTo(props.AsSpan(p * store.Count));
            }

            Properties = accelerator.Allocate1D(props);
        }

        public MemoryBuffer1D<ulong, Stride1D.Dense> Fingerprints { get; }

        public MemoryBuffer1D<int, Stride1D.Dense> PopCounts { get; }

        public MemoryBuffer1D<float, Stride1D.Dense> Properties { get; }
    }
}
