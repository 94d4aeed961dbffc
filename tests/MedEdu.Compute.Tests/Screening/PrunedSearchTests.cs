using MedEdu.Compute.Screening;

namespace MedEdu.Compute.Tests.Screening;

/// <summary>
/// The popcount-ordered store and the pruned CPU search: exactly the scalar reference's hits
/// (brute force, same tie rule) for every popcount path, thread count, metric, k, threshold and
/// filter, while skipping the bands the Swamidass-Baldi bound rules out.
/// </summary>
public sealed class PrunedSearchTests
{
    private static readonly Lazy<FingerprintStore> Library = new(() => StoreFixtures.EsolWithAnalogues(12_000, 7));

    private static List<ulong[]> Queries(FingerprintStore store, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => store.Fingerprint(random.Next(store.Count)).ToArray()).ToList();
    }

    public static TheoryData<PopCountPath, int> PathsAndThreads => new()
    {
        { PopCountPath.Avx512, 1 }, { PopCountPath.Avx512, 2 }, { PopCountPath.Avx2, 2 }, { PopCountPath.Scalar, 1 }, { PopCountPath.Auto, 4 },
    };

    [Fact]
    public void TheStoreIsOrderedByPopCountWithItsIdsAndPropertiesAlongside()
    {
        using var store = StoreFixtures.Random(500, 1024, 11);
        for (int i = 1; i < store.Count; i++)
        {
            Assert.True(store.PopCounts[i - 1] <= store.PopCounts[i]);
        }

        for (int p = 0; p <= store.Bits; p++)
        {
            var (start, end) = store.RowsWithPopCounts(p, p);
            Assert.All(Enumerable.Range(start, end - start), i => Assert.Equal(p, store.PopCounts[i]));
        }

        // Rebuild the same rows and check each id still carries its own fingerprint and properties.
        using var again = StoreFixtures.Random(500, 1024, 11);
        for (int i = 0; i < store.Count; i++)
        {
            int j = Array.IndexOf(again.Ids, store.Ids[i]);
            Assert.True(store.Fingerprint(i).SequenceEqual(again.Fingerprint(j)));
            Assert.Equal(again.Properties[1][j], store.Properties[1][i]);
        }

        // Stable: equal popcounts keep the order they were added in (r0, r17, r34, ... are the empty rows).
        var empties = store.Ids.Take(store.RowsWithPopCounts(0, 0).End).ToList();
        Assert.Equal(empties.OrderBy(id => int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture)), empties);
    }

    [Theory]
    [MemberData(nameof(PathsAndThreads))]
    public void TopKSearchesEqualBruteForce(PopCountPath path, int threads)
    {
        var store = Library.Value;
        var engine = new SimdCpuEngine(threads, path);
        var reference = new ScalarReferenceEngine();
        foreach (int k in new[] { 1, 10, 1000 })
        {
            foreach (var measure in new[] { SimilarityMeasure.Tanimoto, SimilarityMeasure.Dice, SimilarityMeasure.Tversky(0.9f, 0.1f), SimilarityMeasure.Tversky(0.3f, 0.7f) })
            {
                var request = ScreeningRequest.TopK(Queries(store, 7, k), k, measure);
                AssertSame(reference.Search(store, request), engine.Search(store, request));
            }
        }

        var filtered = ScreeningRequest.TopK(Queries(store, 5, 3), 50, SimilarityMeasure.Tanimoto, PropertyFilter.None with { MaxMolWt = 200 });
        AssertSame(reference.Search(store, filtered), engine.Search(store, filtered));
    }

    [Theory]
    [MemberData(nameof(PathsAndThreads))]
    public void ThresholdSearchesEqualBruteForceAndSkipTheBandsThatCannotReach(PopCountPath path, int threads)
    {
        var store = Library.Value;
        var engine = new SimdCpuEngine(threads, path);
        var queries = Queries(store, 6, 21);
        long previous = long.MaxValue;
        foreach (float threshold in new[] { 0.3f, 0.5f, 0.7f, 0.9f })
        {
            var request = ScreeningRequest.AtLeast(queries, threshold);
            var result = engine.Search(store, request);
            AssertSame(new ScalarReferenceEngine().Search(store, request), result);
            Assert.True(result.RowsScored <= previous, $"a higher threshold scored more rows ({result.RowsScored} > {previous})");
            previous = result.RowsScored!.Value;
        }

        // At 0.9 most bands are out of reach: far fewer rows scored than a full scan.
        Assert.True(previous < store.Count * queries.Count / 4, $"{previous} of {store.Count * queries.Count} rows scored at 0.9");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ASearchForItsOwnBestMatchStopsAfterItsOwnBand(int threads)
    {
        // Each query is in the library, so its best match scores 1; only its own popcount band can
        // reach 1, so after that band the search stops.
        var store = Library.Value;
        var queries = Queries(store, 10, 5);
        var result = new SimdCpuEngine(threads).Search(store, ScreeningRequest.TopK(queries, 1));
        long ownBands = queries.Sum(q =>
        {
            int pop = q.Sum(w => System.Numerics.BitOperations.PopCount(w));
            var (start, end) = store.RowsWithPopCounts(pop, pop);
            return (long)(end - start);
        });
        Assert.Equal(ownBands, result.RowsScored);
        Assert.All(result.Hits, h => Assert.Equal(1f, h[0].Score));
    }

    [Fact]
    public void TheDeviceNamesThePopCountPath()
    {
        Assert.Contains("scalar POPCNT", new SimdCpuEngine(1, PopCountPath.Scalar).Device);
        Assert.Contains("popcount-bound pruning", new SimdCpuEngine().Device);
        if (System.Runtime.Intrinsics.X86.Avx512BW.IsSupported)
        {
            Assert.Contains("AVX-512BW", new SimdCpuEngine().Device);
        }
    }

    private static void AssertSame(ScreeningResult expected, ScreeningResult actual)
    {
        for (int q = 0; q < expected.Hits.Count; q++)
        {
            Assert.Equal(expected.Hits[q], actual.Hits[q]);
        }
    }
}
