namespace MedEdu.Compute.Screening;

/// <summary>Fills a <see cref="FingerprintStore"/> one compound at a time.</summary>
public sealed class FingerprintStoreBuilder
{
    private readonly FingerprintStore _store;

    /// <summary>Starts a store of <paramref name="capacity"/> compounds of <paramref name="bits"/> bits.</summary>
    public FingerprintStoreBuilder(int bits, int capacity) => _store = new FingerprintStore(bits, capacity);

    /// <summary>Compounds added so far.</summary>
    public int Count => _store.Count;

    /// <summary>Adds a compound; properties follow <see cref="CompoundProperty"/> order (NaN when unknown).</summary>
    public void Add(string id, ReadOnlySpan<ulong> fingerprint, ReadOnlySpan<float> properties)
    {
        if (_store.Count >= _store.Capacity)
        {
            throw new InvalidOperationException($"the store holds at most {_store.Capacity} compounds");
        }

        if (fingerprint.Length != _store.Words)
        {
            throw new ArgumentException($"fingerprint has {fingerprint.Length * 64} bits, the store {_store.Bits}", nameof(fingerprint));
        }

        int i = _store.Count;
        fingerprint.CopyTo(_store.Row(i));
        _store.UpdatePopCount(i);
        _store.Ids[i] = id;
        for (int p = 0; p < PropertyFilter.PropertyCount; p++)
        {
            _store.Properties[p][i] = p < properties.Length ? properties[p] : float.NaN;
        }

        _store.Count = i + 1;
    }

    /// <summary>The finished store, its rows ordered by popcount (the builder must not be used afterwards).</summary>
    public FingerprintStore Build()
    {
        _ = _store.SortByPopCount();
        return _store;
    }
}
