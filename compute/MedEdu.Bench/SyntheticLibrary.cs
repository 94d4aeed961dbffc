using MedEdu.Compute.Chemistry.Descriptors;
using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Screening;

namespace MedEdu.Bench;

/// <summary>
/// A benchmark library: every compound of the four bundled datasets (real Morgan fingerprints and
/// descriptors), then SYNTHETIC analogues up to the requested size. An analogue copies a random
/// real parent, drops each of its bits with probability 0.1 and sets as many random new bits,
/// and jitters the parent's properties; the generator is seeded, so the library is the same every run.
/// </summary>
internal static class SyntheticLibrary
{
    public static (FingerprintStore Store, int Real) Build(string datasetsFolder, int size, int seed = 2026)
    {
        var smiles = Datasets.Smiles(datasetsFolder, "esol-delaney.csv", "smiles")
            .Concat(Datasets.Smiles(datasetsFolder, "freesolv-sampl.csv", "smiles"))
            .Concat(Datasets.Smiles(datasetsFolder, "bbbp.csv", "smiles"))
            .Concat(Datasets.AqSolDbSmiles(datasetsFolder))
            .ToList();
        var parents = new List<(ulong[] Fp, float[] Props)>();
        var gate = new object();
        Parallel.ForEach(smiles, s =>
        {
            if (!SmilesParser.TryParse(s, out var m, out _) || m!.Atoms.Count == 0)
            {
                return;
            }

            var d = DescriptorSet.Compute(m);
            var entry = (MorganFingerprint.BitVector(m), d.ScreeningProperties());
            lock (gate)
            {
                parents.Add(entry);
            }
        });

        // Parallel order is not deterministic: sort so the library is.
        parents.Sort((a, b) => Compare(a.Fp, b.Fp));
        var builder = new FingerprintStoreBuilder(2048, size);
        int real = Math.Min(size, parents.Count);
        for (int i = 0; i < real; i++)
        {
            builder.Add($"real-{i:D6}", parents[i].Fp, parents[i].Props);
        }

        var random = new Random(seed);
        var fp = new ulong[32];
        var props = new float[6];
        for (int i = real; i < size; i++)
        {
            var (parentFp, parentProps) = parents[random.Next(parents.Count)];
            int added = 0;
            for (int w = 0; w < 32; w++)
            {
                ulong word = parentFp[w];
                ulong kept = 0;
                while (word != 0)
                {
                    ulong bit = word & (~word + 1);
                    word ^= bit;
                    if (random.NextDouble() >= 0.1)
                    {
                        kept |= bit;
                    }
                    else
                    {
                        added++;
                    }
                }

                fp[w] = kept;
            }

            for (int a = 0; a < added; a++)
            {
                int bit = random.Next(2048);
                fp[bit >> 6] |= 1UL << (bit & 63);
            }

            for (int p = 0; p < 6; p++)
            {
                props[p] = p < 3 ? parentProps[p] * (float)(0.9 + (0.2 * random.NextDouble())) : parentProps[p];
            }

            builder.Add($"syn-{i:D7}", fp, props);
        }

        return (builder.Build(), real);
    }

    private static int Compare(ulong[] a, ulong[] b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            int c = a[i].CompareTo(b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }
}
