using System.Diagnostics;

namespace MedEdu.Compute.Screening;

/// <summary>
/// <c>auto</c> with a GPU present: each search goes to the GPU only where it is faster, by the
/// size of the work (compounds × queries) against a crossover measured on the GPU machine; small
/// searches stay on the pruned SIMD engine, which answers them before a GPU launch would. The
/// result names the engine that ran.
/// </summary>
public sealed class AutoEngine(ISimilarityEngine gpu, ISimilarityEngine cpu, long crossoverComparisons = AutoEngine.DefaultCrossoverComparisons) : ISimilarityEngine
{
    /// <summary>
    /// Compounds × queries from which the GPU takes a search. Provisional until measured on the
    /// GPU machine (scripts/gpu-bench.sh prints the crossover): on 16 cores the pruned SIMD engine
    /// answers 1M × 1 top-10 in about a millisecond, the ILGPU path's launches and copies cost about as much.
    /// </summary>
    public const long DefaultCrossoverComparisons = 10_000_000;

    /// <inheritdoc />
    public string Name => "auto";

    /// <inheritdoc />
    public string Device => $"{gpu.Device} from {crossoverComparisons:N0} compounds x queries, else {cpu.Device}";

    /// <summary>The engine a search of <paramref name="request"/> over <paramref name="store"/> goes to.</summary>
    public ISimilarityEngine Choose(FingerprintStore store, ScreeningRequest request) =>
        (long)store.Count * request.Queries.Count >= crossoverComparisons ? gpu : cpu;

    /// <inheritdoc />
    public ScreeningResult Search(FingerprintStore store, ScreeningRequest request)
    {
        var watch = Stopwatch.StartNew();
        var result = Choose(store, request).Search(store, request);
        return result with { Elapsed = watch.Elapsed };
    }

    /// <inheritdoc />
    public void Release(FingerprintStore store)
    {
        gpu.Release(store);
        cpu.Release(store);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        gpu.Dispose();
        cpu.Dispose();
    }
}
