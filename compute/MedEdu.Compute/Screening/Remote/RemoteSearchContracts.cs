namespace MedEdu.Compute.Screening.Remote;

/// <summary>
/// The body of the screening worker's <c>POST /search</c>: a batch of queries against one dataset
/// version's store, with the same options as the in-process engines.
/// </summary>
/// <param name="Dataset">Dataset id.</param>
/// <param name="Version">Dataset version (its store is <see cref="StoreBlobs.NameOf"/>).</param>
/// <param name="Queries">The queries: each a SMILES or a packed fingerprint.</param>
/// <param name="K">Hits per query (1-1000) for a top-k search; null with <paramref name="Threshold"/>.</param>
/// <param name="Threshold">Lowest score of a threshold search (0-1); null for top-k.</param>
/// <param name="Metric">tanimoto (default), dice or tversky.</param>
/// <param name="Alpha">Tversky's query weight.</param>
/// <param name="Beta">Tversky's compound weight.</param>
/// <param name="Filter">none (default), lipinski, veber or druglike.</param>
public sealed record RemoteSearchRequest(
    string Dataset, int Version, List<RemoteQuery> Queries,
    int? K = null, float? Threshold = null, string? Metric = null, float? Alpha = null, float? Beta = null, string? Filter = null);

/// <summary>One query: a SMILES, or a fingerprint as base64 of its little-endian 64-bit words.</summary>
public sealed record RemoteQuery(string? Smiles = null, string? Fingerprint = null)
{
    /// <summary>Encodes packed fingerprint words as the wire's base64.</summary>
    public static string Encode(ReadOnlySpan<ulong> words) => Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(words));

    /// <summary>Decodes the wire's base64 into packed words; null when it is not base64 of whole words.</summary>
    public static ulong[]? Decode(string base64)
    {
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out int length) || length % sizeof(ulong) != 0)
        {
            return null;
        }

        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes.AsSpan(0, length)).ToArray();
    }
}

/// <summary>The worker's answer: hits per query, best first, and what ran them.</summary>
/// <param name="Dataset">Dataset id.</param>
/// <param name="Version">Dataset version.</param>
/// <param name="Engine">The engine that ran (simd, ilgpu-cuda, ...).</param>
/// <param name="Device">The device it ran on, in words.</param>
/// <param name="Milliseconds">Search time, without loading the store.</param>
/// <param name="Results">Per query, in the request's order.</param>
public sealed record RemoteSearchResponse(string Dataset, int Version, string Engine, string Device, double Milliseconds, List<RemoteQueryHits> Results);

/// <summary>The hits of one query.</summary>
/// <param name="Query">The canonical SMILES of a SMILES query; null for a fingerprint.</param>
/// <param name="Hits">Best first (score descending, then store row ascending).</param>
public sealed record RemoteQueryHits(string? Query, List<RemoteHit> Hits);

/// <summary>A hit: the compound's id, its row in the store and its score.</summary>
public sealed record RemoteHit(string Id, int Index, float Score);

/// <summary>Where a dataset version's screening store lives in Blob storage (the pipeline writes it, the worker reads it).</summary>
public static class StoreBlobs
{
    /// <summary>The Blob container of the stores.</summary>
    public const string Container = "fingerprint-stores";

    /// <summary>Blob name of a version's store within <see cref="Container"/>.</summary>
    public static string NameOf(string datasetId, int version) => $"{datasetId}/v{version}.store";
}
