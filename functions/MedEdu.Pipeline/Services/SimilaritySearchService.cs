using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Screening;
using MedEdu.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace MedEdu.Pipeline.Services;

/// <summary>Similarity search over a dataset version's store with the configured engine.</summary>
public sealed class SimilaritySearchService(FingerprintStoreRepository stores, ISimilarityEngine engine, ILogger<SimilaritySearchService> logger)
{
    /// <summary>The k compounds most similar to <paramref name="smiles"/>; throws <see cref="SmilesException"/> for a bad query.</summary>
    public async Task<SimilarityResult> SearchAsync(DatasetVersionKey key, string smiles, int k, SimilarityMeasure measure, PropertyFilter filter)
    {
        var molecule = SmilesParser.Parse(smiles);
        var store = await stores.LoadAsync(key);
        var result = engine.Search(store, ScreeningRequest.TopK([MorganFingerprint.BitVector(molecule)], k, measure, filter));
        logger.LogInformation("Searched {Count} compounds of {Version} with {Engine} in {Ms:F1} ms", store.Count, key, result.Engine, result.Elapsed.TotalMilliseconds);
        var hits = result.Hits[0].Select((h, i) => new SimilarityHit(i + 1, store.Ids[h.Index], h.Score)).ToList();
        return new SimilarityResult(key.DatasetId, key.Version, SmilesWriter.Write(molecule), result.Engine, engine.Device, result.Elapsed.TotalMilliseconds, hits);
    }
}

/// <summary>A ranked similar compound.</summary>
public sealed record SimilarityHit(int Rank, string CompoundId, float Score);

/// <summary>What <c>GET /api/datasets/{id}/similar</c> returns, with the engine that ran it.</summary>
public sealed record SimilarityResult(string DatasetId, int Version, string Query, string Engine, string Device, double Milliseconds, List<SimilarityHit> Hits);
