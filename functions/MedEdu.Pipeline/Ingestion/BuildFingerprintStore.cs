using MedEdu.Compute.Screening;
using MedEdu.Pipeline.Storage;
using Microsoft.DurableTask;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>Packs the version's fingerprints and filter properties into one screening store blob (idempotent: same blob name).</summary>
public sealed class BuildFingerprintStore(CompoundRepository compounds, FingerprintStoreRepository stores)
    : TaskActivity<TrainModelsInput, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, TrainModelsInput input)
    {
        var key = new DatasetVersionKey(input.DatasetId, input.Version);
        var all = await compounds.AllAsync(key);
        using var store = Build(all);
        await stores.SaveAsync(key, store);
        return store.Count;
    }

    /// <summary>A store of the compounds (ids are compound ids; properties the descriptors screening filters use).</summary>
    public static FingerprintStore Build(IReadOnlyList<CompoundEntity> all)
    {
        var builder = new FingerprintStoreBuilder(2048, all.Count);
        foreach (var c in all)
        {
            builder.Add(c.CompoundId, c.FingerprintWords(), [(float)c.MolWt, (float)c.MolLogP, (float)c.TPSA, c.NumHDonors, c.NumHAcceptors, c.NumRotatableBonds]);
        }

        return builder.Build();
    }
}
