using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Chemistry.SmilesParse;
using Xunit.Abstractions;

namespace MedEdu.Compute.Tests.Chemistry;

public sealed class MorganFingerprintTests(ITestOutputHelper output)
{
    [Fact]
    public void MatchesRdkitBitForBitOnTheBundledDatasets()
    {
        var byDataset = new Dictionary<string, (int Same, int Total)>();
        var misses = new List<string>();
        foreach (var row in RdkitReferenceRow.All)
        {
            var (same, total) = byDataset.GetValueOrDefault(row.Dataset);
            total++;
            if (SmilesParser.TryParse(row.Smiles, out var molecule, out var error))
            {
                var words = MorganFingerprint.BitVector(molecule!);
                var bits = Enumerable.Range(0, 2048).Where(i => (words[i >> 6] & (1UL << (i & 63))) != 0).ToArray();
                if (bits.SequenceEqual(row.OnBits))
                {
                    same++;
                }
                else if (misses.Count < 40)
                {
                    int arom = molecule!.Atoms.Count(a => a.IsAromatic);
                    misses.Add($"{row.Dataset} row {row.Row}: {row.Smiles} atoms {molecule.Atoms.Count}/{row.HeavyAtoms} aromatic {arom}/{row.AromaticAtoms} extra [{string.Join(",", bits.Except(row.OnBits))}] missing [{string.Join(",", row.OnBits.Except(bits))}]");
                }
            }
            else if (misses.Count < 40)
            {
                misses.Add($"{row.Dataset} row {row.Row}: {row.Smiles} failed: {error!.Message}");
            }

            byDataset[row.Dataset] = (same, total);
        }

        foreach (var (dataset, (same, total)) in byDataset)
        {
            output.WriteLine($"{dataset}: {same}/{total} identical ({100.0 * same / total:F2}%)");
        }

        foreach (var miss in misses)
        {
            output.WriteLine(miss);
        }

        int allSame = byDataset.Values.Sum(v => v.Same), all = byDataset.Values.Sum(v => v.Total);
        Assert.True(allSame >= 0.99 * all, $"{allSame}/{all} identical:\n" + string.Join("\n", misses));
    }

    [Theory]
    [InlineData("c1ccccc1", new[] { 389, 1088, 1873 })]
    [InlineData("CCO", new[] { 80, 222, 294, 807, 1057, 1410 })]
    public void SmallMoleculesSetRdkitsBits(string smiles, int[] expected)
    {
        var words = MorganFingerprint.BitVector(SmilesParser.Parse(smiles));
        var bits = Enumerable.Range(0, 2048).Where(i => (words[i >> 6] & (1UL << (i & 63))) != 0);
        Assert.Equal(expected, bits);
    }
}
