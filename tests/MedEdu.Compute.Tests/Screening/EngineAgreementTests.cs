using MedEdu.Compute.Screening;

namespace MedEdu.Compute.Tests.Screening;

/// <summary>Every engine returns exactly what the scalar reference returns, ties and edge cases included.</summary>
public sealed class EngineAgreementTests : IDisposable
{
    private static readonly Lazy<FingerprintStore> EsolStore = new(() => StoreFixtures.Esol());
    private static readonly Lazy<FingerprintStore> RandomStore = new(() => StoreFixtures.Random(1500, 1024, 42));
    private readonly List<ISimilarityEngine> _engines = [];

    public static TheoryData<string> Engines => new() { "simd", "cpu" };

    public static TheoryData<string, int> EnginesAndMeasures => new()
    {
        { "simd", 0 }, { "simd", 1 }, { "simd", 2 }, { "simd", 3 },
        { "cpu", 0 }, { "cpu", 1 }, { "cpu", 2 }, { "cpu", 3 },
    };

    private static SimilarityMeasure Measure(int m) => m switch
    {
        0 => SimilarityMeasure.Tanimoto,
        1 => SimilarityMeasure.Dice,
        2 => SimilarityMeasure.Tversky(0.9f, 0.1f),
        _ => SimilarityMeasure.Tversky(0.5f, 0.5f),
    };

    private ISimilarityEngine Engine(string name)
    {
        var engine = ScreeningEngines.Create(name);
        _engines.Add(engine);
        return engine;
    }

    [Theory]
    [MemberData(nameof(EnginesAndMeasures))]
    public void TopKOnRealFingerprintsMatchesTheReference(string engineName, int measure)
    {
        var store = EsolStore.Value;
        var queries = new[] { 0, 17, 300, 1127 }.Select(i => store.Fingerprint(i).ToArray()).ToList();
        var request = ScreeningRequest.TopK(queries, 25, Measure(measure));
        AssertSame(new ScalarReferenceEngine().Search(store, request), Engine(engineName).Search(store, request));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void ThresholdSearchOnRandomFingerprintsWithTiesMatchesTheReference(string engineName)
    {
        var store = RandomStore.Value;
        var queries = new[] { "r1", "r2", "r34", "r17" }.Select(id => store.Fingerprint(Array.IndexOf(store.Ids, id)).ToArray()).ToList();
        var request = ScreeningRequest.AtLeast(queries, 0.05f);
        var expected = new ScalarReferenceEngine().Search(store, request);
        Assert.Contains(expected.Hits[0], h => h.Score == 1f);
        AssertSame(expected, Engine(engineName).Search(store, request));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void FiltersAreAppliedWithTheSimilarity(string engineName)
    {
        var store = EsolStore.Value;
        var queries = new[] { store.Fingerprint(5).ToArray() };
        foreach (var filter in new[] { PropertyFilter.Lipinski, PropertyFilter.Veber, PropertyFilter.None with { MinMolWt = 150, MaxMolWt = 250, MaxMolLogP = 2 } })
        {
            var request = ScreeningRequest.TopK(queries, 1000, SimilarityMeasure.Tanimoto, filter);
            var expected = new ScalarReferenceEngine().Search(store, request);
            var actual = Engine(engineName).Search(store, request);
            AssertSame(expected, actual);
            Assert.All(actual.Hits[0], h => Assert.True(PropertyFilter.Passes(filter, store.Properties[0][h.Index], store.Properties[1][h.Index],
                store.Properties[2][h.Index], store.Properties[3][h.Index], store.Properties[4][h.Index], store.Properties[5][h.Index])));
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void KLargerThanTheLibraryReturnsEveryCompoundInOrder(string engineName)
    {
        var store = StoreFixtures.Random(40, 2048, 3);
        var request = ScreeningRequest.TopK([store.Fingerprint(3).ToArray()], 1000);
        var result = Engine(engineName).Search(store, request);
        Assert.Equal(40, result.Hits[0].Length);
        AssertSame(new ScalarReferenceEngine().Search(store, request), result);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void AnEmptyQueryScoresZeroEverywhere(string engineName)
    {
        var store = RandomStore.Value;
        var request = ScreeningRequest.TopK([new ulong[store.Words]], 5);
        var result = Engine(engineName).Search(store, request);
        Assert.Equal([0, 1, 2, 3, 4], result.Hits[0].Select(h => h.Index));
        Assert.All(result.Hits[0], h => Assert.Equal(0f, h.Score));
    }

    [Fact]
    public void TanimotoOfKnownCountsIsHandComputed()
    {
        Assert.Equal(0.5f, SimilarityMeasure.Tanimoto.Score(6, 6, 4));   // 4 / (6 + 6 - 4)
        Assert.Equal(2f / 3f, SimilarityMeasure.Dice.Score(6, 6, 4));    // 8 / 12
        Assert.Equal(4f / 6f, SimilarityMeasure.Tversky(1f, 0f).Score(6, 6, 4));  // 4 / (1·2 + 0·2 + 4)
        Assert.Equal(4f / 7f, SimilarityMeasure.Tversky(1f, 0.5f).Score(6, 6, 4)); // 4 / (1·2 + 0.5·2 + 4)
        Assert.Equal(0f, SimilarityMeasure.Tanimoto.Score(0, 0, 0));
    }

    [Fact]
    public void QueriesOfTheWrongWidthAreRefused()
    {
        var store = RandomStore.Value;
        var request = ScreeningRequest.TopK([new ulong[32]], 5);
        var error = Assert.Throws<ArgumentException>(() => new SimdCpuEngine().Search(store, request));
        Assert.Contains("2048 bits; the store holds 1024-bit", error.Message);
    }

    [Fact]
    public void UnknownAcceleratorNamesAreRefusedWithTheChoices()
    {
        var error = Assert.Throws<ArgumentException>(() => ScreeningEngines.Create("tpu"));
        Assert.Contains("auto, cuda, opencl, cpu, simd", error.Message);
        Assert.Equal("simd", ScreeningEngines.Create("auto").Name); // no GPU on the test machine
    }

    private static void AssertSame(ScreeningResult expected, ScreeningResult actual)
    {
        Assert.Equal(expected.Hits.Count, actual.Hits.Count);
        for (int q = 0; q < expected.Hits.Count; q++)
        {
            Assert.Equal(expected.Hits[q], actual.Hits[q]);
        }
    }

    public void Dispose()
    {
        foreach (var e in _engines)
        {
            e.Dispose();
        }
    }
}
