using MedEdu.Compute.Screening;
using MedEdu.Pipeline.Compounds;
using MedEdu.Pipeline.Datasets;
using MedEdu.Pipeline.Screening;
using Microsoft.DurableTask;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>
/// Packs the version's fingerprints and filter properties into one screening store blob
/// (idempotent: same blob name), reading the compounds a chunk at a time: the store is the only
/// thing that grows with the version.
/// </summary>
public sealed class BuildFingerprintStore(CompoundRepository compounds, FingerprintStoreRepository stores)
    : TaskActivity<TrainModelsInput, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, TrainModelsInput input)
    {
        var key = new DatasetVersionKey(input.DatasetId, input.Version);
        var (count, _) = await compounds.CountAsync(key);
        var builder = new FingerprintStoreBuilder(2048, count);
        await foreach (var (_, chunk) in compounds.ChunksAsync(key))
        {
            Add(builder, chunk);
        }

        using var store = builder.Build();
        await stores.SaveAsync(key, store);
        return store.Count;
    }

    /// <summary>Adds compounds (ids are compound ids; properties the descriptors screening filters use).</summary>
    private static void Add(FingerprintStoreBuilder builder, IEnumerable<CompoundEntity> compounds)
    {
        foreach (var c in compounds)
        {
            builder.Add(c.CompoundId, c.FingerprintWords(), [(float)c.MolWt, (float)c.MolLogP, (float)c.TPSA, c.NumHDonors, c.NumHAcceptors, c.NumRotatableBonds]);
        }
    }
}
