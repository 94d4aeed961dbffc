using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Screening;
using MedEdu.Compute.Screening.Remote;

namespace MedEdu.ScreeningWorker;

/// <summary>
/// A checked <see cref="RemoteSearchRequest"/>: its queries as fingerprints and its options as an
/// engine request. Every mistake is named with the query it is in.
/// </summary>
public sealed record SearchPlan(StoreKey Store, List<ulong[]> Fingerprints, List<string?> CanonicalQueries, int K, float Threshold, SimilarityMeasure Measure, PropertyFilter Filter)
{
    /// <summary>Checks the request; on a mistake returns null with the status (400 or 413) and why.</summary>
    public static SearchPlan? From(RemoteSearchRequest? request, int maxQueries, out int status, out string problem)
    {
        (status, problem) = (StatusCodes.Status400BadRequest, "");
        if (request is null || string.IsNullOrWhiteSpace(request.Dataset) || request.Version < 1)
        {
            problem = "give 'dataset' (an id) and 'version' (1 or more)";
            return null;
        }

        if (request.Queries is not { Count: > 0 })
        {
            problem = "give at least one query in 'queries'";
            return null;
        }

        if (request.Queries.Count > maxQueries)
        {
            (status, problem) = (StatusCodes.Status413PayloadTooLarge, $"{request.Queries.Count} queries in one batch; the worker takes at most {maxQueries} (Worker:MaxQueries): split the batch");
            return null;
        }

        if (request.K is not null && request.Threshold is not null)
        {
            problem = "give either 'k' (top-k) or 'threshold', not both";
            return null;
        }

        int k = request.Threshold is null ? request.K ?? 10 : 0;
        if (request.Threshold is null && k is < 1 or > ScreeningRequest.MaxK)
        {
            problem = $"'k' must be from 1 to {ScreeningRequest.MaxK}, not {k}";
            return null;
        }

        if (request.Threshold is { } t && !(t is >= 0f and <= 1f))
        {
            problem = $"'threshold' must be from 0 to 1, not {t}";
            return null;
        }

        var measure = SimilarityMeasure.Named(request.Metric, request.Alpha, request.Beta);
        var filter = PropertyFilter.Named(request.Filter);
        if (measure is null || filter is null)
        {
            problem = $"'metric' must be one of {string.Join(", ", SimilarityMeasure.Names)}; 'filter' one of {string.Join(", ", PropertyFilter.Names)}";
            return null;
        }

        var fingerprints = new List<ulong[]>(request.Queries.Count);
        var canonical = new List<string?>(request.Queries.Count);
        for (int i = 0; i < request.Queries.Count; i++)
        {
            var query = request.Queries[i];
            if (query is null || (query.Smiles is null) == (query.Fingerprint is null))
            {
                problem = $"query {i}: give exactly one of 'smiles' and 'fingerprint'";
                return null;
            }

            if (query.Smiles is { } smiles)
            {
                try
                {
                    var molecule = SmilesParser.Parse(smiles);
                    fingerprints.Add(MorganFingerprint.BitVector(molecule));
                    canonical.Add(SmilesWriter.Write(molecule));
                }
                catch (SmilesException e)
                {
                    problem = $"query {i}: invalid SMILES at position {e.Position}: {e.Reason}";
                    return null;
                }
            }
            else
            {
                var words = RemoteQuery.Decode(query.Fingerprint!);
                if (words is null)
                {
                    problem = $"query {i}: 'fingerprint' must be base64 of whole 64-bit words";
                    return null;
                }

                fingerprints.Add(words);
                canonical.Add(null);
            }
        }

        return new SearchPlan(new StoreKey(request.Dataset, request.Version), fingerprints, canonical, k, request.Threshold ?? 0f, measure.Value, filter.Value);
    }

    /// <summary>The engine request, once the store's width is known; null (with why) when a fingerprint does not fit it.</summary>
    public ScreeningRequest? For(FingerprintStore store, out string problem)
    {
        problem = "";
        int wrong = Fingerprints.FindIndex(f => f.Length != store.Words);
        if (wrong >= 0)
        {
            problem = $"query {wrong}: the fingerprint has {Fingerprints[wrong].Length * 64} bits; {Store} holds {store.Bits}-bit fingerprints";
            return null;
        }

        return K > 0
            ? ScreeningRequest.TopK(Fingerprints, K, Measure, Filter)
            : ScreeningRequest.AtLeast(Fingerprints, Threshold, Measure, Filter);
    }
}
