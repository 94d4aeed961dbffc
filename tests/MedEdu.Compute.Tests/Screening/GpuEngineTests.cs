using MedEdu.Compute.Screening;
using MedEdu.Testing;

namespace MedEdu.Compute.Tests.Screening;

/// <summary>Runs only where a CUDA device is present; elsewhere it is skipped with the reason.</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Present = new(() =>
    {
        using var engine = IlgpuEngine.TryCreate(IlgpuTarget.Cuda);
        return engine is not null;
    });

    /// <summary>Skips the test when no CUDA device answers.</summary>
    public CudaFactAttribute()
    {
        if (!Present.Value)
        {
            Skip = "no CUDA device on this machine (the ILGPU kernels run on the CPU accelerator in the other tests)";
        }
    }
}

/// <summary>
/// The ILGPU engine's design on ILGPU's CPU accelerator (and on CUDA where present): query tiles,
/// threshold windows, device-side cuts and compaction, candidate buffers that grow rather than
/// truncate, and the auto engine's choice. Every result equals the scalar reference.
/// </summary>
[LongRunning(20)]
public sealed class GpuEngineTests
{
    private static readonly Lazy<FingerprintStore> Library = new(() => StoreFixtures.EsolWithAnalogues(3000, 13));

    private static List<ulong[]> Queries(FingerprintStore store, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => store.Fingerprint(random.Next(store.Count)).ToArray()).ToList();
    }

    private static void AssertSame(ScreeningResult expected, ScreeningResult actual)
    {
        Assert.Equal(expected.Hits.Count, actual.Hits.Count);
        for (int q = 0; q < expected.Hits.Count; q++)
        {
            Assert.Equal(expected.Hits[q], actual.Hits[q]);
        }
    }

    /// <summary>The agreement cases every ILGPU target must pass: tiles, metrics, k, thresholds, filters, ties, an empty store, k beyond the library.</summary>
    private static void AgreesOnEveryCase(ISimilarityEngine engine)
    {
        var store = Library.Value;
        var reference = new ScalarReferenceEngine();

        // 19 queries: two full tiles and a partial one.
        var queries = Queries(store, 19, 1);
        foreach (var measure in new[] { SimilarityMeasure.Tanimoto, SimilarityMeasure.Dice, SimilarityMeasure.Tversky(0.9f, 0.1f) })
        {
            var topK = ScreeningRequest.TopK(queries, 10, measure);
            AssertSame(reference.Search(store, topK), engine.Search(store, topK));
        }

        foreach (float threshold in new[] { 0.4f, 0.7f })
        {
            var atLeast = ScreeningRequest.AtLeast(queries, threshold);
            AssertSame(reference.Search(store, atLeast), engine.Search(store, atLeast));
        }

        var filtered = ScreeningRequest.TopK(queries.Take(3).ToList(), 1000, SimilarityMeasure.Tanimoto, PropertyFilter.Lipinski);
        AssertSame(reference.Search(store, filtered), engine.Search(store, filtered));

        // An empty query ties every compound at 0: the lowest indices win, as everywhere.
        var empty = ScreeningRequest.TopK([new ulong[store.Words]], 7);
        AssertSame(reference.Search(store, empty), engine.Search(store, empty));

        using var small = StoreFixtures.Random(40, 2048, 3);
        var beyond = ScreeningRequest.TopK([small.Fingerprint(5).ToArray()], 1000);
        AssertSame(reference.Search(small, beyond), engine.Search(small, beyond));

        using var none = new FingerprintStoreBuilder(2048, 0).Build();
        Assert.Empty(engine.Search(none, ScreeningRequest.TopK([new ulong[32]], 5)).Hits[0]);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void TheKernelsAgreeWithTheReferenceOnTheCpuAccelerator()
    {
        using var engine = IlgpuEngine.TryCreate(IlgpuTarget.Cpu)!;
        AgreesOnEveryCase(engine);
    }

    [CudaFact]
    public void TheKernelsAgreeWithTheReferenceOnCuda()
    {
        using var engine = IlgpuEngine.TryCreate(IlgpuTarget.Cuda)!;
        AgreesOnEveryCase(engine);
    }

    [Fact]
    public void MoreHitsThanTheCandidateBufferGrowItInsteadOfTruncating()
    {
        // 5,000 compounds and a threshold every one of them reaches: more than the 4,096 first slots.
        using var store = StoreFixtures.Random(5000, 1024, 8);
        using var engine = IlgpuEngine.TryCreate(IlgpuTarget.Cpu)!;
        var request = ScreeningRequest.AtLeast([store.Fingerprint(4999).ToArray(), store.Fingerprint(100).ToArray()], 0f);
        var result = engine.Search(store, request);
        Assert.All(result.Hits, h => Assert.Equal(5000, h.Length));
        AssertSame(new ScalarReferenceEngine().Search(store, request), result);
    }

    [Fact]
    public void AThresholdTileReadsOnlyItsPopCountWindow()
    {
        var store = Library.Value;
        using var engine = IlgpuEngine.TryCreate(IlgpuTarget.Cpu)!;
        // Four queries of one popcount share a tile; at 0.9 they can only reach b in [0.9a, a/0.9].
        var queries = Enumerable.Range(store.Count / 2, 4).Select(i => store.Fingerprint(i).ToArray()).ToList();
        var result = engine.Search(store, ScreeningRequest.AtLeast(queries, 0.9f));
        Assert.True(result.RowsScored < store.Count * 4L / 2, $"{result.RowsScored} of {store.Count * 4} rows scored");
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void AutoSendsLargeSearchesToTheGpuAndSmallOnesToTheCpuAndSaysWhichRan()
    {
        var store = Library.Value;
        using var gpu = IlgpuEngine.TryCreate(IlgpuTarget.Cpu)!;
        using var auto = new AutoEngine(gpu, new SimdCpuEngine(), crossoverComparisons: store.Count * 5L);
        var small = ScreeningRequest.TopK(Queries(store, 2, 4), 5);
        var large = ScreeningRequest.TopK(Queries(store, 6, 4), 5);
        Assert.Equal("simd", auto.Search(store, small).Engine);
        Assert.Equal("ilgpu-cpu", auto.Search(store, large).Engine);
        AssertSame(new ScalarReferenceEngine().Search(store, large), auto.Search(store, large));
        Assert.Equal("simd", ScreeningEngines.Create("auto").Name); // no GPU here: auto is the SIMD engine itself
    }
}
