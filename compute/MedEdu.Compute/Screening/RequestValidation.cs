namespace MedEdu.Compute.Screening;

/// <summary>Checks shared by every engine, so they all refuse the same requests the same way.</summary>
internal static class RequestValidation
{
    public static int[] QueryPopCounts(FingerprintStore store, ScreeningRequest request)
    {
        if (request.K is < 0 or > ScreeningRequest.MaxK)
        {
            throw new ArgumentOutOfRangeException(nameof(request), $"k must be from 1 to {ScreeningRequest.MaxK}, not {request.K}");
        }

        var pops = new int[request.Queries.Count];
        for (int q = 0; q < pops.Length; q++)
        {
            var query = request.Queries[q];
            if (query.Length != store.Words)
            {
                throw new ArgumentException($"query {q} has {query.Length * 64} bits; the store holds {store.Bits}-bit fingerprints", nameof(request));
            }

            foreach (ulong w in query)
            {
                pops[q] += System.Numerics.BitOperations.PopCount(w);
            }
        }

        return pops;
    }

    /// <summary>Whether compound <paramref name="i"/> passes the request's filter.</summary>
    public static bool Passes(FingerprintStore store, in PropertyFilter filter, int i) =>
        PropertyFilter.Passes(filter, store.Properties[0][i], store.Properties[1][i], store.Properties[2][i],
            store.Properties[3][i], store.Properties[4][i], store.Properties[5][i]);
}
