using System.Diagnostics;
using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Screening;

namespace MedEdu.Bench;

/// <summary>
/// Similarity search over a 1,000,000-compound 2048-bit library: RDKit's BulkTanimotoSimilarity
/// (same fingerprints, through an FPS file), each MedEdu engine for one query top-10 and a
/// 100-query batch, and a memory-copy loop in this process as the bandwidth ceiling.
/// </summary>
internal static class ScreeningBenchmark
{
    public static int Run(string datasetsFolder, int size, int repeats, string[] engines)
    {
        var watch = Stopwatch.StartNew();
        var (store, real) = SyntheticLibrary.Build(datasetsFolder, size);
        using var _ = store;
        Console.WriteLine($"screening: {store.Count:N0} compounds x {store.Bits} bits ({real:N0} real from the bundled datasets, {store.Count - real:N0} SYNTHETIC analogues, seed 2026), built in {watch.Elapsed.TotalSeconds:F1} s");
        long storeBytes = (long)store.Count * store.Words * 8;

        double copyBytesPerSecond = MemoryCopyBandwidth(storeBytes, repeats);
        Console.WriteLine($"memory-copy ceiling: {copyBytesPerSecond / 1e9:F1} GB/s (read + write bytes of a {storeBytes / (1 << 20)} MiB copy on {Environment.ProcessorCount} threads, best of {repeats})");

        var single = new List<ulong[]> { store.Fingerprint(12345 % store.Count).ToArray() };
        var batch = Enumerable.Range(0, 100).Select(q => store.Fingerprint(q * 9973 % store.Count).ToArray()).ToList();

        double? rdkit = RdkitRate(store, 5);
        var table = new Table("engine", "search", "time", "comparisons/s", "vs RDKit", "GB/s scanned", "of copy bw");
        if (rdkit is double r)
        {
            table.Add("RDKit BulkTanimoto (1 thread)", "1 query", $"{store.Count / r * 1000:F1} ms", $"{r / 1e6:F1} M", "1.00x", $"{r * store.Words * 8 / 1e9:F2}", $"{r * store.Words * 8 / copyBytesPerSecond:P0}");
        }

        foreach (var name in engines)
        {
            ISimilarityEngine engine;
            try
            {
                engine = ScreeningEngines.Create(name);
            }
            catch (ArgumentException e)
            {
                Console.WriteLine($"{name}: skipped ({e.Message})");
                continue;
            }

            using (engine)
            {
                Console.WriteLine($"{engine.Name}: {engine.Device}");
                // The ILGPU CPU accelerator is an emulator: give it one query on a slice, not the whole benchmark.
                bool emulator = engine.Name == "ilgpu-cpu";
                foreach (var (label, queries) in new[] { ("1 query top-10", single), ("100 queries top-10", batch) })
                {
                    if (emulator && queries.Count > 1)
                    {
                        continue;
                    }

                    var request = ScreeningRequest.TopK(queries, 10);
                    engine.Search(store, request); // warm-up (and device upload)
                    double best = double.MaxValue;
                    for (int i = 0; i < (emulator ? 1 : repeats); i++)
                    {
                        var t = Stopwatch.StartNew();
                        engine.Search(store, request);
                        best = Math.Min(best, t.Elapsed.TotalSeconds);
                    }

                    double rate = (double)store.Count * queries.Count / best;
                    double scanned = storeBytes / best; // the library is streamed once per batch
                    table.Add(engine.Name, label, $"{best * 1000:F1} ms", $"{rate / 1e6:F1} M",
                        rdkit is double rr ? $"{rate / rr:F1}x" : "n/a", $"{scanned / 1e9:F2}", $"{scanned / copyBytesPerSecond:P0}");
                }
            }
        }

        table.Print();
        return 0;
    }

    private static double? RdkitRate(FingerprintStore store, int queries)
    {
        string path = Path.Combine(Path.GetTempPath(), $"mededu-bench-{Environment.ProcessId}.fps");
        try
        {
            using (var writer = new StreamWriter(path))
            {
                FpsFormat.WriteHeader(writer, store.Bits, FpsFormat.MorganType(2, store.Bits));
                for (int i = 0; i < store.Count; i++)
                {
                    FpsFormat.WriteRecord(writer, store.Fingerprint(i), store.Bits, store.Ids[i]);
                }
            }

            var result = RdkitBaseline.Run("rdkit_similarity.py", path, queries.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (result is not { } json)
            {
                return null;
            }

            Console.WriteLine($"RDKit {json.GetProperty("version").GetString()}: loaded {json.GetProperty("fingerprints").GetInt32():N0} fingerprints from FPS in {json.GetProperty("load_s").GetDouble():F1} s");
            return json.GetProperty("best_comparisons_per_s").GetDouble();
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Bytes moved per second (read + write, as STREAM counts a copy) by a parallel copy of <paramref name="bytes"/>.</summary>
    private static unsafe double MemoryCopyBandwidth(long bytes, int repeats)
    {
        var source = (byte*)System.Runtime.InteropServices.NativeMemory.AlignedAlloc((nuint)bytes, 64);
        var target = (byte*)System.Runtime.InteropServices.NativeMemory.AlignedAlloc((nuint)bytes, 64);
        try
        {
            new Span<byte>(source, (int)Math.Min(bytes, int.MaxValue)).Fill(1);
            new Span<byte>(target, (int)Math.Min(bytes, int.MaxValue)).Clear();
            int threads = Environment.ProcessorCount;
            long slice = bytes / threads;
            double best = double.MaxValue;
            for (int r = 0; r < repeats + 1; r++)
            {
                var t = Stopwatch.StartNew();
                Parallel.For(0, threads, i => Buffer.MemoryCopy(source + (i * slice), target + (i * slice), slice, slice));
                if (r > 0)
                {
                    best = Math.Min(best, t.Elapsed.TotalSeconds);
                }
            }

            return 2.0 * slice * threads / best;
        }
        finally
        {
            System.Runtime.InteropServices.NativeMemory.AlignedFree(source);
            System.Runtime.InteropServices.NativeMemory.AlignedFree(target);
        }
    }
}
