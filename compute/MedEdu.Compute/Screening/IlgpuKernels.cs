using System.Runtime.InteropServices;
using ILGPU;

namespace MedEdu.Compute.Screening;

/// <summary>Scalar arguments of the scoring kernel, passed by value.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ScoreKernelArgs
{
    public int Count;
    public int Words;
    public int Queries;
    public int Metric;
    public float Alpha;
    public float Beta;
    public int Filtered;
    public PropertyFilter Filter;
}

/// <summary>
/// The ILGPU kernel: one thread per compound reads its fingerprint row once, applies the property
/// filter, and scores it against every query of the batch. Filtered-out compounds score -1.
/// </summary>
internal static class IlgpuKernels
{
    public static void Score(
        Index1D index,
        ArrayView<ulong> fingerprints,
        ArrayView<int> popCounts,
        ArrayView<float> properties,
        ArrayView<ulong> queries,
        ArrayView<int> queryPopCounts,
        ArrayView<float> scores,
        ScoreKernelArgs args)
    {
        int i = index;
        if (i >= args.Count)
        {
            return;
        }

        long n = args.Count;
        bool pass = args.Filtered == 0 || PropertyFilter.Passes(
            args.Filter,
            properties[i],
            properties[n + i],
            properties[(2 * n) + i],
            properties[(3 * n) + i],
            properties[(4 * n) + i],
            properties[(5 * n) + i]);
        long row = (long)i * args.Words;
        int pop = popCounts[i];
        for (int q = 0; q < args.Queries; q++)
        {
            long at = (q * n) + i;
            if (!pass)
            {
                scores[at] = -1f;
                continue;
            }

            long queryRow = (long)q * args.Words;
            int common = 0;
            for (int w = 0; w < args.Words; w++)
            {
                common += IntrinsicMath.BitOperations.PopCount(fingerprints[row + w] & queries[queryRow + w]);
            }

            scores[at] = SimilarityMeasure.Score(args.Metric, args.Alpha, args.Beta, queryPopCounts[q], pop, common);
        }
    }
}
