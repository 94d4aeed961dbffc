using System.Text;
using MedEdu.Compute.Chemistry.SmilesParse;

namespace MedEdu.Compute.Tests.Chemistry;

[Collection(nameof(RunsAlone))]
public sealed class SmilesErrorTests
{
    [Theory]
    [InlineData("C1CCC", 1, "ring closure 1 is never closed")]
    [InlineData("CC(C", 2, "branch '(' is never closed")]
    [InlineData("CC)C", 2, "')' closes no open branch")]
    [InlineData("C[Xx]C", 2, "unknown element 'Xx'")]
    [InlineData("CN(C)(C)C", 1, "explicit valence 4 on N (atom 1) is greater than permitted")]
    [InlineData("C=", 1, "the SMILES ends with a bond and no atom after it")]
    [InlineData("C[NH4", 1, "bracket atom '[' is never closed")]
    [InlineData("c1cccc1", 0, "can't kekulize")]
    [InlineData("Cc", 1, "non-ring atom 1 (C) is marked aromatic")]
    [InlineData("C()C", 2, "empty branch '()'")]
    [InlineData("C11", 2, "ring closure 1 bonds an atom to itself")]
    [InlineData("CC Q", 2, "unexpected space inside the SMILES")]
    [InlineData("C%1C", 1, "ring closure '%' must be followed by two digits")]
    [InlineData("Zz", 0, "unknown element 'Zz'")]
    [InlineData("Na", 0, "element 'Na' must be written in brackets, e.g. [Na]")]
    public void BadSmilesGiveAPositionAndAReason(string smiles, int position, string reason)
    {
        var error = Assert.Throws<SmilesException>(() => SmilesParser.Parse(smiles));
        Assert.Equal(position, error.Position);
        Assert.StartsWith(reason, error.Reason);
    }

    [Fact]
    public void MutatedAndTruncatedDatasetSmilesGiveOnlyTypedErrors()
    {
        var random = new Random(20261124);
        var sources = RdkitReferenceRow.All.Select(r => r.Smiles).Where(s => s.Length > 0).ToArray();
        const string alphabet = "CNOSPFIBrcnosp()[]=#$:/\\@+-.%0123456789HXx*~ \t";
        int parsed = 0, rejected = 0;
        for (int i = 0; i < 5000; i++)
        {
            var chars = sources[random.Next(sources.Length)].ToCharArray().ToList();
            switch (i % 4)
            {
                case 0:
                    chars = chars.Take(random.Next(chars.Count + 1)).ToList();
                    break;
                case 1:
                    for (int m = 0; m < 1 + random.Next(3); m++)
                    {
                        if (chars.Count > 0)
                        {
                            chars[random.Next(chars.Count)] = alphabet[random.Next(alphabet.Length)];
                        }
                    }

                    break;
                case 2:
                    chars.Insert(random.Next(chars.Count + 1), alphabet[random.Next(alphabet.Length)]);
                    break;
                default:
                    if (chars.Count > 0)
                    {
                        chars.RemoveAt(random.Next(chars.Count));
                    }

                    chars.Insert(random.Next(chars.Count + 1), (char)random.Next(0, 0x300));
                    break;
            }

            string smiles = new(chars.ToArray());
            try
            {
                SmilesParser.Parse(smiles);
                parsed++;
            }
            catch (SmilesException e)
            {
                Assert.InRange(e.Position, 0, Math.Max(0, smiles.Length));
                Assert.False(string.IsNullOrWhiteSpace(e.Reason));
                rejected++;
            }
        }

        Assert.True(rejected > 1000, $"only {rejected} of 5000 mutations were rejected");
        Assert.True(parsed > 100, $"only {parsed} of 5000 mutations parsed");
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void HundredKilobyteInputsFinishQuickly()
    {
        var inputs = new[]
        {
            string.Concat(Enumerable.Repeat("C", 100_000)),
            string.Concat(Enumerable.Repeat("C(", 50_000)),
            string.Concat(Enumerable.Repeat("c1ccccc1.", 11_000)) + "C",
            "C" + string.Concat(Enumerable.Repeat("1", 100_000)),
            string.Concat(Enumerable.Repeat("[", 100_000)),
            new StringBuilder().Insert(0, "C1CC(CC1)", 11_000).ToString(),
        };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var input in inputs)
        {
            try
            {
                SmilesParser.Parse(input);
            }
            catch (SmilesException)
            {
            }
        }

        // Generous bound: catches quadratic or exponential behaviour (minutes at 100 kB), not a
        // benchmark. About 2 s alone; CI runs the integration tests beside it on two cores, and
        // once took 27 s.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }
}
