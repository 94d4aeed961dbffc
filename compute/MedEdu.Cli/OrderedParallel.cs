namespace MedEdu.Cli;

/// <summary>Maps a stream through a function on all cores, a batch at a time, keeping input order.</summary>
internal static class OrderedParallel
{
    private const int BatchSize = 2048;

    public static IEnumerable<TOut> Map<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> map)
    {
        var batch = new List<TIn>(BatchSize);
        foreach (var item in source)
        {
            batch.Add(item);
            if (batch.Count == BatchSize)
            {
                foreach (var r in Run(batch, map))
                {
                    yield return r;
                }

                batch.Clear();
            }
        }

        foreach (var r in Run(batch, map))
        {
            yield return r;
        }
    }

    private static TOut[] Run<TIn, TOut>(List<TIn> batch, Func<TIn, TOut> map)
    {
        var results = new TOut[batch.Count];
        Parallel.For(0, batch.Count, i => results[i] = map(batch[i]));
        return results;
    }
}
