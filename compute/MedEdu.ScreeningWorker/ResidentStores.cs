using MedEdu.Compute.Screening;

namespace MedEdu.ScreeningWorker;

/// <summary>
/// The stores the worker keeps in memory, within a byte budget: loading one that would exceed it
/// drops the least recently used ones first. Searches hold a lease, so a store dropped while a
/// search runs on it is freed (and released from the engine) when that search ends, not under it.
/// </summary>
public sealed class ResidentStores(Func<StoreKey, CancellationToken, Task<FingerprintStore?>> load, ISimilarityEngine engine, long budgetBytes, ILogger<ResidentStores> logger)
{
    private readonly object _gate = new();
    private readonly Dictionary<StoreKey, Entry> _entries = [];
    private readonly Dictionary<StoreKey, Task<FingerprintStore?>> _loading = [];
    private long _tick;

    /// <summary>The budget in bytes.</summary>
    public long BudgetBytes => budgetBytes;

    /// <summary>Stores resident now and their bytes.</summary>
    public (int Count, long Bytes) Usage
    {
        get
        {
            lock (_gate)
            {
                return (_entries.Count, _entries.Values.Sum(e => e.Bytes));
            }
        }
    }

    /// <summary>Whether that version is resident now.</summary>
    public bool IsResident(StoreKey key)
    {
        lock (_gate)
        {
            return _entries.ContainsKey(key);
        }
    }

    /// <summary>Memory a store takes: fingerprints, popcounts, six properties and its ids.</summary>
    public static long BytesOf(FingerprintStore store) =>
        ((long)store.Count * ((store.Words * sizeof(ulong)) + sizeof(int) + (PropertyFilter.PropertyCount * sizeof(float))))
        + store.Ids.Take(store.Count).Sum(id => 24L + (2L * id.Length));

    /// <summary>
    /// A lease on the version's store, loading it when it is not resident; null when there is no such
    /// store. Dispose the lease when the search is done.
    /// </summary>
    /// <exception cref="StoreTooLargeException">The store alone exceeds the budget.</exception>
    public async Task<Lease?> AcquireAsync(StoreKey key, CancellationToken cancellationToken)
    {
        Task<FingerprintStore?> loading;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var resident))
            {
                return resident.Lease(++_tick);
            }

            if (!_loading.TryGetValue(key, out loading!))
            {
                // One load per version however many searches ask for it at once.
                loading = load(key, CancellationToken.None);
                _loading[key] = loading;
            }
        }

        FingerprintStore? store;
        try
        {
            store = await loading.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                if (loading.IsCompleted && _loading.TryGetValue(key, out var current) && current == loading)
                {
                    _loading.Remove(key);
                }
            }
        }

        if (store is null)
        {
            return null;
        }

        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var raced))
            {
                // Another waiter on the same load admitted it first.
                return raced.Lease(++_tick);
            }

            long bytes = BytesOf(store);
            if (bytes > budgetBytes)
            {
                store.Dispose();
                throw new StoreTooLargeException(key, bytes, budgetBytes);
            }

            long used = _entries.Values.Sum(e => e.Bytes);
            foreach (var victim in _entries.Values.OrderBy(e => e.LastUsed).ToList())
            {
                if (used + bytes <= budgetBytes)
                {
                    break;
                }

                _entries.Remove(victim.Key);
                used -= victim.Bytes;
                logger.LogInformation("Dropped {Store} ({MiB:F1} MiB, least recently used) to make room for {New}", victim.Key, victim.Bytes / 1048576.0, key);
                victim.Evict();
            }

            var entry = new Entry(key, store, bytes, engine);
            _entries[key] = entry;
            logger.LogInformation("Loaded {Store}: {Count} compounds, {MiB:F1} MiB", key, store.Count, bytes / 1048576.0);
            return entry.Lease(++_tick);
        }
    }

    /// <summary>A resident store with its users; freed once evicted and unused.</summary>
    internal sealed class Entry(StoreKey key, FingerprintStore store, long bytes, ISimilarityEngine engine)
    {
        private int _users;
        private bool _evicted;

        public StoreKey Key => key;

        public long Bytes => bytes;

        public long LastUsed { get; private set; }

        public Lease Lease(long tick)
        {
            LastUsed = tick;
            Interlocked.Increment(ref _users);
            return new Lease(store, this);
        }

        public void Evict()
        {
            _evicted = true;
            FreeIfUnused();
        }

        public void Return()
        {
            Interlocked.Decrement(ref _users);
            FreeIfUnused();
        }

        private void FreeIfUnused()
        {
            lock (this)
            {
                if (_evicted && Volatile.Read(ref _users) == 0 && !store.IsDisposed)
                {
                    engine.Release(store);
                    store.Dispose();
                }
            }
        }
    }

    /// <summary>Use of a resident store for one search.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly Entry _entry;
        private int _returned;

        internal Lease(FingerprintStore store, Entry entry)
        {
            Store = store;
            _entry = entry;
        }

        /// <summary>The store.</summary>
        public FingerprintStore Store { get; }

        /// <inheritdoc />
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
            {
                _entry.Return();
            }
        }
    }
}

/// <summary>A store that does not fit in the worker's budget even alone.</summary>
public sealed class StoreTooLargeException(StoreKey key, long bytes, long budget)
    : Exception($"the store of {key} takes {bytes / 1048576.0:F0} MiB, more than the worker's budget of {budget / 1048576.0:F0} MiB (Worker:StoreBudgetBytes)");
