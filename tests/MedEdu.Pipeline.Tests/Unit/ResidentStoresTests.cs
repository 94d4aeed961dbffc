using MedEdu.Compute.Screening;
using MedEdu.ScreeningWorker;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedEdu.Pipeline.Tests.Unit;

/// <summary>The worker's resident stores: the byte budget, least recently used first, and leases that outlive eviction.</summary>
public sealed class ResidentStoresTests
{
    [Fact]
    public async Task Loading_past_the_budget_drops_the_least_recently_used_store()
    {
        var loads = new List<StoreKey>();
        var released = new List<FingerprintStore>();
        long one = ResidentStores.BytesOf(MakeStore(100));
        var stores = new ResidentStores((key, _) => { loads.Add(key); return Task.FromResult<FingerprintStore?>(MakeStore(100)); }, new RecordingEngine(released), (2 * one) + 10, NullLogger<ResidentStores>.Instance);
        var a = new StoreKey("a", 1);
        var b = new StoreKey("b", 1);
        var c = new StoreKey("c", 1);

        (await stores.AcquireAsync(a, default))!.Dispose();
        (await stores.AcquireAsync(b, default))!.Dispose();
        (await stores.AcquireAsync(a, default))!.Dispose(); // a is now more recent than b
        var leaseC = (await stores.AcquireAsync(c, default))!;

        Assert.True(stores.IsResident(a));
        Assert.False(stores.IsResident(b));
        Assert.True(stores.IsResident(c));
        Assert.Equal([a, b, c], loads);
        Assert.Single(released);
        Assert.True(released[0].IsDisposed);
        Assert.Equal((2, 2 * one), stores.Usage);
        leaseC.Dispose();
    }

    [Fact]
    public async Task A_store_dropped_during_a_search_is_freed_when_the_search_ends()
    {
        var released = new List<FingerprintStore>();
        long one = ResidentStores.BytesOf(MakeStore(50));
        var stores = new ResidentStores((_, _) => Task.FromResult<FingerprintStore?>(MakeStore(50)), new RecordingEngine(released), one + 10, NullLogger<ResidentStores>.Instance);

        var searching = (await stores.AcquireAsync(new StoreKey("a", 1), default))!;
        (await stores.AcquireAsync(new StoreKey("b", 1), default))!.Dispose();

        Assert.False(stores.IsResident(new StoreKey("a", 1)));
        Assert.False(searching.Store.IsDisposed);
        Assert.Equal(50, new SimdCpuEngine().Search(searching.Store, ScreeningRequest.AtLeast([new ulong[32]], 0f)).Hits[0].Length);
        searching.Dispose();
        Assert.True(searching.Store.IsDisposed);
        Assert.Single(released);
    }

    [Fact]
    public async Task A_store_larger_than_the_whole_budget_is_refused_and_an_unknown_one_is_null()
    {
        var stores = new ResidentStores((key, _) => Task.FromResult(key.Version == 1 ? MakeStore(1000) : null), new RecordingEngine([]), 1000, NullLogger<ResidentStores>.Instance);
        var error = await Assert.ThrowsAsync<StoreTooLargeException>(() => stores.AcquireAsync(new StoreKey("big", 1), default));
        Assert.Contains("Worker:StoreBudgetBytes", error.Message);
        Assert.Null(await stores.AcquireAsync(new StoreKey("big", 2), default));
        Assert.Equal((0, 0L), stores.Usage);
    }

    [Fact]
    public async Task Concurrent_searches_of_one_version_load_it_once()
    {
        int loads = 0;
        var gate = new TaskCompletionSource();
        var stores = new ResidentStores(async (_, _) => { Interlocked.Increment(ref loads); await gate.Task; return MakeStore(10); }, new RecordingEngine([]), 1L << 30, NullLogger<ResidentStores>.Instance);
        var waiting = Enumerable.Range(0, 8).Select(_ => stores.AcquireAsync(new StoreKey("a", 1), default)).ToList();
        gate.SetResult();
        var leases = await Task.WhenAll(waiting);
        Assert.Equal(1, loads);
        Assert.Single(leases.Select(l => l!.Store).Distinct());
        foreach (var lease in leases)
        {
            lease!.Dispose();
        }
    }

    private static FingerprintStore MakeStore(int count)
    {
        var builder = new FingerprintStoreBuilder(2048, count);
        var fingerprint = new ulong[32];
        for (int i = 0; i < count; i++)
        {
            fingerprint[i % 32] = (ulong)i + 1;
            builder.Add($"c{i}", fingerprint, []);
        }

        return builder.Build();
    }

    /// <summary>The SIMD engine, recording the stores it is told to release.</summary>
    private sealed class RecordingEngine(List<FingerprintStore> released) : ISimilarityEngine
    {
        private readonly SimdCpuEngine _engine = new();

        public string Name => _engine.Name;

        public string Device => _engine.Device;

        public ScreeningResult Search(FingerprintStore store, ScreeningRequest request) => _engine.Search(store, request);

        public void Release(FingerprintStore store) => released.Add(store);

        public void Dispose() => _engine.Dispose();
    }
}
