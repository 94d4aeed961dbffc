using System.Diagnostics;
using System.Numerics;

namespace MedEdu.Compute.Screening;

/// <summary>The plainest possible search — score everything, sort everything — against which the fast engines are tested.</summary>
public sealed class ScalarReferenceEngine : ISimilarityEngine
{
    /// <inheritdoc />
    public string Name => "reference";

    /// <inheritdoc />
    public string Device => "CPU, one thread, no tricks";

    /// <inheritdoc />
    public ScreeningResult Search(FingerprintStore store, ScreeningRequest request)
    {
        var watch = Stopwatch.StartNew();
        var queryPops = RequestValidation.QueryPopCounts(store, request);
        bool filtered = !request.Filter.IsEmpty;
        var hits = new ScreeningHit[request.Queries.Count][];
        for (int q = 0; q < hits.Length; q++)
        {
            var all = new List<ScreeningHit>();
            for (int i = 0; i < store.Count; i++)
            {
                if (filtered && !RequestValidation.Passes(store, request.Filter, i))
                {
                    continue;
                }

                var fp = store.Fingerprint(i);
                int common = 0;
                for (int w = 0; w < fp.Length; w++)
                {
                    common += BitOperations.PopCount(fp[w] & request.Queries[q][w]);
                }

                float score = request.Measure.Score(queryPops[q], store.PopCounts[i], common);
                if (request.IsTopK || score >= request.Threshold)
                {
                    all.Add(new ScreeningHit(i, score));
                }
            }

            all.Sort();
            hits[q] = request.IsTopK ? all.Take(request.K).ToArray() : all.ToArray();
        }

        return new ScreeningResult(hits, Name, watch.Elapsed);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
