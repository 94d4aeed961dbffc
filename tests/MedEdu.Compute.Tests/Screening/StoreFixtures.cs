using MedEdu.Compute.Chemistry.Descriptors;
using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Screening;

namespace MedEdu.Compute.Tests.Screening;

/// <summary>Stores for the engine tests: real ESOL fingerprints and seeded random ones.</summary>
public static class StoreFixtures
{
    /// <summary>ESOL's 1,128 compounds with Morgan fingerprints and descriptors from the chemistry core.</summary>
    public static FingerprintStore Esol(int bits = 2048)
    {
        var rows = RdkitReferenceRow.All.Where(r => r.Dataset == "esol").ToList();
        var builder = new FingerprintStoreBuilder(bits, rows.Count);
        foreach (var row in rows)
        {
            var molecule = SmilesParser.Parse(row.Smiles);
            var d = DescriptorSet.Compute(molecule);
            builder.Add($"esol-{row.Row:D6}", MorganFingerprint.BitVector(molecule, 2, bits),
                d.ScreeningProperties());
        }

        return builder.Build();
    }

    /// <summary>Random fingerprints of a given density, plus empty and duplicate rows to create ties.</summary>
    public static FingerprintStore Random(int count, int bits, int seed)
    {
        var random = new Random(seed);
        var builder = new FingerprintStoreBuilder(bits, count);
        var previous = new ulong[bits / 64];
        for (int i = 0; i < count; i++)
        {
            var words = new ulong[bits / 64];
            if (i % 17 == 0)
            {
                // empty fingerprint
            }
            else if (i % 11 == 0)
            {
                previous.CopyTo(words, 0); // identical to the previous row: identical scores
            }
            else
            {
                for (int b = 0; b < 40 + random.Next(40); b++)
                {
                    int bit = random.Next(bits);
                    words[bit >> 6] |= 1UL << (bit & 63);
                }
            }

            builder.Add($"r{i}", words, [random.Next(100, 700), (float)(random.NextDouble() * 8 - 2), random.Next(0, 200), random.Next(0, 8), random.Next(0, 14), random.Next(0, 15)]);
            previous = words;
        }

        return builder.Build();
    }

    /// <summary>
    /// ESOL's fingerprints plus seeded analogues (a parent with each bit dropped at p = 0.15 and as
    /// many random bits added): near neighbours at every popcount, as in a real library.
    /// </summary>
    public static FingerprintStore EsolWithAnalogues(int count, int seed)
    {
        using var esol = Esol();
        var random = new Random(seed);
        var builder = new FingerprintStoreBuilder(2048, count);
        for (int i = 0; i < count; i++)
        {
            int parent = i < esol.Count ? i : random.Next(esol.Count);
            var words = esol.Fingerprint(parent).ToArray();
            if (i >= esol.Count)
            {
                int dropped = 0;
                for (int w = 0; w < words.Length; w++)
                {
                    for (int b = 0; b < 64; b++)
                    {
                        if ((words[w] >> b & 1) == 1 && random.NextDouble() < 0.15)
                        {
                            words[w] &= ~(1UL << b);
                            dropped++;
                        }
                    }
                }

                for (int d = 0; d < dropped; d++)
                {
                    int bit = random.Next(2048);
                    words[bit >> 6] |= 1UL << (bit & 63);
                }
            }

            var props = Enumerable.Range(0, 6).Select(p => esol.Properties[p][parent]).ToArray();
            builder.Add($"a{i}", words, props);
        }

        return builder.Build();
    }
}
