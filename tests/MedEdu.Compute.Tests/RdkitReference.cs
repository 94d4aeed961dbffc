using System.IO.Compression;

namespace MedEdu.Compute.Tests;

/// <summary>One row of tests/reference/rdkit_morgan_r2_2048.tsv.gz (made by make_rdkit_reference.py with RDKit 2022.09).</summary>
public sealed record RdkitReferenceRow(string Dataset, int Row, string Smiles, bool Parsed, int HeavyAtoms, int AromaticAtoms, int[] OnBits, string Canonical)
{
    private static readonly Lazy<List<RdkitReferenceRow>> Rows = new(Load);

    /// <summary>Every reference row of the four bundled datasets.</summary>
    public static IReadOnlyList<RdkitReferenceRow> All => Rows.Value;

    private static List<RdkitReferenceRow> Load() =>
        Fields("rdkit_morgan_r2_2048.tsv.gz").Select(f =>
        {
            bool parsed = f[3] == "1";
            return new RdkitReferenceRow(f[0], int.Parse(f[1]), f[2], parsed,
                parsed ? int.Parse(f[4]) : 0, parsed ? int.Parse(f[5]) : 0,
                parsed && f[6].Length > 0 ? f[6].Split(',').Select(int.Parse).ToArray() : [],
                f[7]);
        }).ToList();

    /// <summary>The tab-separated fields of each data line of a gzipped file in tests/reference (comments and the header skipped).</summary>
    public static IEnumerable<string[]> Fields(string fileName)
    {
        string path = Path.Combine(Path.GetDirectoryName(TestData.DatasetsFolder)!, "tests", "reference", fileName);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (!line.StartsWith('#') && !line.StartsWith("dataset\t", StringComparison.Ordinal))
            {
                yield return line.Split('\t');
            }
        }
    }
}
