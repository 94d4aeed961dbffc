using System.Diagnostics;
using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Screening;
using MedEdu.Compute.Screening.Remote;
using MedEdu.Observability;
using MedEdu.Pipeline.Datasets;
using Microsoft.Extensions.Logging;

namespace MedEdu.Pipeline.Screening;

/// <summary>
/// Similarity search over a dataset version's store: on the screening worker when one is configured
/// (its GPU, its memory), else, or when the worker fails, with this process's engine, saying so.
/// </summary>
public sealed class SimilaritySearchService(FingerprintStoreRepository stores, ISimilarityEngine engine, ScreeningWorkerClient worker, ILogger<SimilaritySearchService> logger)
{
    /// <summary>
    /// The k compounds most similar to <paramref name="smiles"/> by the named metric (tanimoto or dice)
    /// among those passing the named filter; throws <see cref="SmilesException"/> for a bad query.
    /// </summary>
    public async Task<SimilarityResult> SearchAsync(DatasetVersionKey key, string smiles, int k, string metric, string filter, CancellationToken cancellationToken = default)
    {
        var molecule = SmilesParser.Parse(smiles);
        var fingerprint = MorganFingerprint.BitVector(molecule);
        string query = SmilesWriter.Write(molecule);
        using var span = MedEduTelemetry.Source.StartActivity("similar search");
        span?.SetTag("mededu.dataset", key.DatasetId);
        span?.SetTag("mededu.version", key.Version);
        string? fallback = null;
        if (worker.IsConfigured)
        {
            try
            {
                var remote = await worker.SearchAsync(
                    new RemoteSearchRequest(key.DatasetId, key.Version, [new RemoteQuery(Fingerprint: RemoteQuery.Encode(fingerprint))], K: k, Metric: metric, Filter: filter),
                    cancellationToken);
                string engineName = $"worker:{remote.Engine}";
                Record(span, engineName, "worker", remote.Milliseconds);
                var hits = remote.Results[0].Hits.Select((h, i) => new SimilarityHit(i + 1, h.Id, h.Score)).ToList();
                return new SimilarityResult(key.DatasetId, key.Version, query, engineName, remote.Device, remote.Milliseconds, hits);
            }
            catch (ScreeningWorkerException e)
            {
                fallback = e.Message;
                span?.SetTag("mededu.fallback", e.Kind);
                MedEduTelemetry.WorkerFallbacks.Add(1, new KeyValuePair<string, object?>("reason", e.Kind));
                logger.LogWarning("Screening worker {Url} failed ({Reason}); searching {Version} with the local engine", worker.Url, e.Message, key);
            }
        }

        var store = await stores.LoadAsync(key);
        var request = ScreeningRequest.TopK([fingerprint], k, SimilarityMeasure.Named(metric), PropertyFilter.Named(filter));
        var result = engine.Search(store, request);
        Record(span, result.Engine, "local", result.Elapsed.TotalMilliseconds);
        logger.LogInformation("Searched {Count} compounds of {Version} with {Engine} in {Ms:F1} ms", store.Count, key, result.Engine, result.Elapsed.TotalMilliseconds);
        var local = result.Hits[0].Select((h, i) => new SimilarityHit(i + 1, store.Ids[h.Index], h.Score)).ToList();
        return new SimilarityResult(key.DatasetId, key.Version, query, result.Engine, engine.Device, result.Elapsed.TotalMilliseconds, local, fallback);
    }

    private static void Record(Activity? span, string engine, string where, double milliseconds)
    {
        span?.SetTag("mededu.engine", engine);
        MedEduTelemetry.SearchDuration.Record(milliseconds, new TagList { { "engine", engine }, { "where", where } });
    }
}

/// <summary>A ranked similar compound.</summary>
public sealed record SimilarityHit(int Rank, string CompoundId, float Score);

/// <summary>What <c>GET /api/datasets/{id}/similar</c> returns, with the engine that ran it.</summary>
/// <param name="DatasetId">Dataset id.</param>
/// <param name="Version">The version searched.</param>
/// <param name="Query">The query's canonical SMILES.</param>
/// <param name="Engine">The engine that ran: <c>worker:&lt;engine&gt;</c> on the screening worker, else this process's.</param>
/// <param name="Device">The device it ran on.</param>
/// <param name="Milliseconds">Search time.</param>
/// <param name="Hits">Best first.</param>
/// <param name="Fallback">Why the configured worker did not answer and this process searched instead; absent otherwise.</param>
public sealed record SimilarityResult(string DatasetId, int Version, string Query, string Engine, string Device, double Milliseconds, List<SimilarityHit> Hits, string? Fallback = null);
