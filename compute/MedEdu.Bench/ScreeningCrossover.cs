using System.Diagnostics;
using MedEdu.Compute.Screening;

namespace MedEdu.Bench;

/// <summary>
/// Where the GPU starts to win: top-10 searches of 1 to 256 queries over libraries of several
/// sizes, the pruned SIMD engine (all cores) against a GPU engine, and the smallest
/// compounds × queries at which the GPU was faster — the number <see cref="AutoEngine"/> encodes.
/// </summary>
internal static class ScreeningCrossover
{
    public static int Run(string datasetsFolder, int[] sizes, int repeats, string gpuName)
    {
        ISimilarityEngine gpu;
        try
        {
            gpu = ScreeningEngines.Create(gpuName);
        }
        catch (ArgumentException e)
        {
            Console.WriteLine($"crossover: skipped ({e.Message})");
            return 0;
        }

        using var _ = gpu;
        using var simd = new SimdCpuEngine();
        Console.WriteLine($"crossover: {gpu.Name} on {gpu.Device} against {simd.Device}");
        var table = new Table("library", "queries", "compounds x queries", "simd", gpu.Name, "faster");
        long? crossover = null;
        foreach (int size in sizes)
        {
            var (store, _) = SyntheticLibrary.Build(datasetsFolder, size);
            using (store)
            {
                foreach (int n in new[] { 1, 4, 16, 64, 256 })
                {
                    var queries = Enumerable.Range(0, n).Select(q => store.Fingerprint(q * 7919 % store.Count).ToArray()).ToList();
                    var request = ScreeningRequest.TopK(queries, 10);
                    double cpu = Best(simd, store, request, repeats), device = Best(gpu, store, request, repeats);
                    long work = (long)size * n;
                    if (device < cpu)
                    {
                        crossover = crossover is long c ? Math.Min(c, work) : work;
                    }

                    table.Add($"{size:N0}", $"{n}", $"{work:N0}", $"{cpu * 1000:F2} ms", $"{device * 1000:F2} ms", device < cpu ? gpu.Name : "simd");
                }
            }
        }

        table.Print();
        Console.WriteLine(crossover is long found
            ? $"crossover: the GPU was faster from {found:N0} compounds x queries (AutoEngine.DefaultCrossoverComparisons is {AutoEngine.DefaultCrossoverComparisons:N0})"
            : "crossover: the GPU was never faster in this sweep");
        return 0;
    }

    private static double Best(ISimilarityEngine engine, FingerprintStore store, ScreeningRequest request, int repeats)
    {
        engine.Search(store, request); // warm-up (and device upload)
        double best = double.MaxValue;
        for (int i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            engine.Search(store, request);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return best;
    }
}
