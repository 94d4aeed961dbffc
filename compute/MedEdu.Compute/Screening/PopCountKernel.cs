using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MedEdu.Compute.Screening;

/// <summary>How the CPU engine counts the bits two fingerprints share.</summary>
public enum PopCountPath
{
    /// <summary>The best this CPU offers.</summary>
    Auto,

    /// <summary>AVX-512BW: 512 bits at a time, nibble lookup (VPSHUFB) and byte sums (VPSADBW).</summary>
    Avx512,

    /// <summary>AVX2: 256 bits at a time, nibble lookup and byte sums.</summary>
    Avx2,

    /// <summary>Scalar POPCNT on 64-bit words, four independent counters.</summary>
    Scalar,
}

/// <summary>
/// Counts common bits of two fingerprint rows. .NET 10 exposes no AVX-512 VPOPCNTQ intrinsic (its
/// X86 classes stop at Avx512BW/Vbmi and Avx10), so the widest path is AVX-512BW's nibble lookup;
/// byte counts of up to four 512-bit vectors are summed before one VPSADBW.
/// </summary>
internal static unsafe class PopCountKernel
{
    /// <summary>The path <see cref="PopCountPath.Auto"/> resolves to on this CPU.</summary>
    public static PopCountPath Best => Avx512BW.IsSupported ? PopCountPath.Avx512 : Avx2.IsSupported ? PopCountPath.Avx2 : PopCountPath.Scalar;

    /// <summary>Resolves <paramref name="path"/> to one this CPU runs for <paramref name="words"/>-word rows.</summary>
    public static PopCountPath Resolve(PopCountPath path, int words)
    {
        var wanted = path == PopCountPath.Auto ? Best : path;
        return wanted switch
        {
            PopCountPath.Avx512 when Avx512BW.IsSupported && words % 8 == 0 => PopCountPath.Avx512,
            PopCountPath.Avx512 or PopCountPath.Avx2 when Avx2.IsSupported && words % 4 == 0 => PopCountPath.Avx2,
            _ => PopCountPath.Scalar,
        };
    }

    /// <summary>The path in words, for an engine's <c>Device</c>.</summary>
    public static string Describe(PopCountPath path) => path switch
    {
        PopCountPath.Avx512 => "AVX-512BW nibble-lookup",
        PopCountPath.Avx2 => "AVX2 nibble-lookup",
        _ => "scalar POPCNT",
    };

    /// <summary>Bits set in both rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Common(PopCountPath path, ulong* a, ulong* b, int words) => path switch
    {
        PopCountPath.Avx512 => CommonAvx512(a, b, words),
        PopCountPath.Avx2 => CommonAvx2(a, b, words),
        _ => CommonScalar(a, b, words),
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CommonAvx512(ulong* a, ulong* b, int words)
    {
        var lookup256 = Vector256.Create((byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
        var lookup = Vector512.Create(lookup256, lookup256);
        var low = Vector512.Create((byte)0x0F);
        var total = Vector512<ulong>.Zero;
        for (int w = 0; w < words; w += 32)
        {
            // Byte counts stay below 256 for four vectors (at most 32 per byte), then one VPSADBW.
            var counts = Vector512<byte>.Zero;
            int end = Math.Min(words, w + 32);
            for (int v = w; v < end; v += 8)
            {
                var x = (Avx512F.LoadVector512(a + v) & Avx512F.LoadVector512(b + v)).AsByte();
                counts += Avx512BW.Shuffle(lookup, x & low) + Avx512BW.Shuffle(lookup, Avx512BW.ShiftRightLogical(x.AsUInt16(), 4).AsByte() & low);
            }

            total += Avx512BW.SumAbsoluteDifferences(counts, Vector512<byte>.Zero).AsUInt64();
        }

        return (int)Vector512.Sum(total);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CommonAvx2(ulong* a, ulong* b, int words)
    {
        var lookup = Vector256.Create((byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
        var low = Vector256.Create((byte)0x0F);
        var total = Vector256<ulong>.Zero;
        for (int w = 0; w < words; w += 4)
        {
            var x = (Avx.LoadVector256(a + w) & Avx.LoadVector256(b + w)).AsByte();
            var counts = Avx2.Shuffle(lookup, x & low) + Avx2.Shuffle(lookup, Avx2.ShiftRightLogical(x.AsUInt16(), 4).AsByte() & low);
            total += Avx2.SumAbsoluteDifferences(counts, Vector256<byte>.Zero).AsUInt64();
        }

        return (int)Vector256.Sum(total);
    }

    private static int CommonScalar(ulong* a, ulong* b, int words)
    {
        int c0 = 0, c1 = 0, c2 = 0, c3 = 0, w = 0;
        for (; w + 4 <= words; w += 4)
        {
            c0 += BitOperations.PopCount(a[w] & b[w]);
            c1 += BitOperations.PopCount(a[w + 1] & b[w + 1]);
            c2 += BitOperations.PopCount(a[w + 2] & b[w + 2]);
            c3 += BitOperations.PopCount(a[w + 3] & b[w + 3]);
        }

        for (; w < words; w++)
        {
            c0 += BitOperations.PopCount(a[w] & b[w]);
        }

        return c0 + c1 + c2 + c3;
    }
}
