using System.Globalization;
using System.IO.Compression;

namespace MedEdu.Cli.Tests;

/// <summary>
/// <c>mededu search --threshold</c> finds exactly the hits RDKit's BulkTanimotoSimilarity finds on
/// the same ESOL fingerprints (tests/reference/rdkit_threshold_hits.tsv.gz, made with Debian's
/// python3-rdkit by make_rdkit_search_reference.py): the pruned search loses nothing and adds nothing.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SearchAgainstRdkitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mededu-search-").FullName;

    private static List<(string Threshold, string Query, string Hit, double Similarity)> Reference()
    {
        string path = Path.Combine(Path.GetDirectoryName(CliRunner.Reference())!, "rdkit_threshold_hits.tsv.gz");
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var rows = new List<(string, string, string, double)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.StartsWith("threshold", StringComparison.Ordinal))
            {
                continue;
            }

            var f = line.Split('\t');
            rows.Add((f[0], $"row{f[1]}", $"row{f[2]}", double.Parse(f[3], CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    [Theory]
    [InlineData("0.3")]
    [InlineData("0.5")]
    [InlineData("0.7")]
    public void ThresholdHitsAreExactlyRdkits(string threshold)
    {
        string esol = CliRunner.Dataset("esol-delaney.csv");
        string store = Path.Combine(_folder, "esol.store");
        Assert.Equal(0, CliRunner.Run("store", "build", "--input", esol, "--smiles-column", "smiles", "--output", store).Code);

        // The queries, every 37th ESOL row, named by their row in ESOL (SMILES is the last column; names may hold quoted commas).
        var lines = File.ReadAllLines(esol);
        string queries = Path.Combine(_folder, "queries.csv");
        File.WriteAllLines(queries, new[] { "id,smiles" }.Concat(Enumerable.Range(1, lines.Length - 1).Where(r => (r - 1) % 37 == 0)
            .Select(r => $"row{r},{lines[r][(lines[r].LastIndexOf(',') + 1)..].Trim()}")));

        string output = Path.Combine(_folder, $"hits-{threshold}.csv");
        var (code, _, error) = CliRunner.Run("search", "--store", store, "--queries", queries, "--smiles-column", "smiles", "--id-column", "id",
            "--threshold", threshold, "--accelerator", "simd", "--output", output);
        Assert.True(code == 0, error);
        var found = File.ReadAllLines(output).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => (f[0], f[2]), f => double.Parse(f[3], CultureInfo.InvariantCulture));
        var expected = Reference().Where(r => r.Threshold == threshold).ToDictionary(r => (r.Query, r.Hit), r => r.Similarity);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys.Order(), found.Keys.Order());
        // The CLI prints four decimals.
        Assert.All(expected, e => Assert.InRange(Math.Abs(e.Value - found[e.Key]), 0, 5.1e-5));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
