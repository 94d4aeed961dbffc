using System.Globalization;
using System.IO.Compression;

namespace MedEdu.Cli.Tests;

public sealed class CommandTests
{
    [Trait("Category", "Slow")]
    [Fact]
    public void DescriptorsOfAqSolDbMatchItsRdkitColumns()
    {
        var (code, output, error) = CliRunner.Run("descriptors", "--input", CliRunner.Dataset("aqsoldb.csv"), "--smiles-column", "SMILES", "--id-column", "ID");
        Assert.Equal(0, code);
        Assert.Contains("9,982 molecules, 0 failed", error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,smiles,MolWt,MolLogP,MolMR,TPSA,NumHDonors,NumHAcceptors,NumRotatableBonds,RingCount,NumAromaticRings,HeavyAtomCount,NumHeteroatoms,FractionCSP3,error", lines[0]);
        Assert.Equal(9983, lines.Length);

        // Compare with the published RDKit columns, row by row (ids are unique in AqSolDB).
        var csv = File.ReadAllBytes(CliRunner.Dataset("aqsoldb.csv"));
        var records = MedEdu.Compute.Data.CsvRecordSplitter.Split(csv)
            .Select(r => MedEdu.Compute.Data.CsvFieldParser.TryParse(csv.AsSpan(r.Offset, r.Length), out var f, out _) ? f : throw new InvalidDataException())
            .ToList();
        var header = records[0];
        var reference = records.Skip(1).ToDictionary(f => f[0]);
        string[] columns = ["MolWt", "MolLogP", "TPSA", "NumHDonors", "NumHAcceptors", "NumRotatableBonds", "RingCount", "HeavyAtomCount"];
        var ours = MedEdu.Compute.Data.CsvRecordSplitter.Split(System.Text.Encoding.UTF8.GetBytes(output));
        var outBytes = System.Text.Encoding.UTF8.GetBytes(output);
        var outRows = ours.Select(r => MedEdu.Compute.Data.CsvFieldParser.TryParse(outBytes.AsSpan(r.Offset, r.Length), out var f, out _) ? f : throw new InvalidDataException()).ToList();
        var outHeader = outRows[0];
        var matches = columns.ToDictionary(c => c, _ => 0);
        int compared = 0;
        foreach (var f in outRows.Skip(1))
        {
            var refRow = reference[f[0]];
            compared++;
            foreach (var c in columns)
            {
                double mine = double.Parse(f[Array.IndexOf(outHeader, c)], CultureInfo.InvariantCulture);
                double theirs = double.Parse(refRow[Array.IndexOf(header, c)], CultureInfo.InvariantCulture);
                if (Math.Abs(mine - theirs) <= 0.011)
                {
                    matches[c]++;
                }
            }
        }

        Assert.Equal(9982, compared);
        Assert.All(columns, c => Assert.True(matches[c] >= 0.995 * compared, $"{c}: {matches[c]}/{compared}"));
    }

    [Fact]
    public void FingerprintsOfEsolAreRdkitsInFpsFormat()
    {
        string path = Path.GetTempFileName() + ".fps";
        var (code, _, error) = CliRunner.Run("fingerprints", "--input", CliRunner.Dataset("esol-delaney.csv"), "--output", path);
        Assert.Equal(0, code);
        Assert.Contains("1,128 molecules, 0 failed", error);
        var lines = File.ReadAllLines(path);
        File.Delete(path);
        Assert.Equal("#FPS1", lines[0]);
        Assert.Equal("#num_bits=2048", lines[1]);
        Assert.StartsWith("#type=RDKit-Morgan/1 radius=2 fpSize=2048", lines[2]);
        var records = lines.Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(1128, records.Count);

        using var reader = new StreamReader(new GZipStream(File.OpenRead(CliRunner.Reference()), CompressionMode.Decompress));
        var expected = new List<int[]>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var f = line.Split('\t');
            if (f[0] == "esol")
            {
                expected.Add(f[6].Length == 0 ? [] : f[6].Split(',').Select(int.Parse).ToArray());
            }
        }

        for (int i = 0; i < records.Count; i++)
        {
            string hex = records[i][..512];
            var bits = Enumerable.Range(0, 2048).Where(b => (Convert.ToByte(hex.Substring(b / 8 * 2, 2), 16) >> (b % 8) & 1) == 1).ToArray();
            Assert.Equal(expected[i], bits);
        }
    }

    [Fact]
    public void AStoreBuiltFromEsolFindsAQueryFirstWhenItIsInTheLibrary()
    {
        string store = Path.GetTempFileName() + ".store";
        var build = CliRunner.Run("store", "build", "--input", CliRunner.Dataset("esol-delaney.csv"), "--id-column", "Compound ID", "--output", store);
        Assert.Equal(0, build.Code);
        var (code, output, error) = CliRunner.Run("search", "--store", store, "--query", "Cc1occc1C(=O)Nc2ccccc2", "-k", "3", "--accelerator", "simd");
        var threshold = CliRunner.Run("search", "--store", store, "--query", "c1ccccc1", "--threshold", "0.3", "--metric", "dice");
        File.Delete(store);
        Assert.Equal(0, code);
        Assert.Contains("engine: simd", error);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("query_id,rank,id,score", rows[0]);
        Assert.Equal("query,1,Fenfuram,1", rows[1]); // the query is ESOL's second compound
        Assert.Equal(4, rows.Length);
        Assert.All(threshold.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1),
            r => Assert.True(double.Parse(r.Split(',')[^1], CultureInfo.InvariantCulture) >= 0.3));
    }

    [Fact]
    public void ValidateReportsFailuresWithRowNumbersAndDuplicates()
    {
        string path = Path.GetTempFileName() + ".csv";
        File.WriteAllText(path, "name,smiles\nethanol,CCO\nbroken,C1CC\nethanol again,OCC\nnothing,\n");
        var (code, output, _) = CliRunner.Run("validate", "--input", path, "--smiles-column", "smiles");
        File.Delete(path);
        Assert.Equal(1, code);
        Assert.Contains("rows: 4, parsed: 2, failed: 2", output);
        Assert.Contains("row 2 (row2): position 1: ring closure 1 is never closed", output);
        Assert.Contains("row 4 (row4): empty SMILES", output);
        Assert.Contains("rows 1, 3: CCO", output);
        Assert.Contains("MolWt", output);
    }

    [Fact]
    public void SmilesFilesWithIdsAreReadAndBadLinesReportedWithExitCode1()
    {
        string path = Path.GetTempFileName() + ".smi";
        File.WriteAllText(path, "CCO ethanol\nc1ccccc1\tbenzene\nC(C bad-one\n");
        var (code, output, _) = CliRunner.Run("descriptors", "--input", path);
        File.Delete(path);
        Assert.Equal(1, code);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ethanol,CCO,46.069,", rows[1]);
        Assert.StartsWith("benzene,c1ccccc1,78.114,", rows[2]);
        Assert.Equal("bad-one,C(C,,,,,,,,,,,,,position 1: branch '(' is never closed", rows[3]);
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate'")]
    [InlineData(new[] { "descriptors" }, "option '--input' is required")]
    [InlineData(new[] { "descriptors", "--input", "/no/such/file.smi" }, "input file '/no/such/file.smi' does not exist")]
    [InlineData(new[] { "search", "--store", "x", "-k", "5000" }, "store file 'x' does not exist")]
    [InlineData(new[] { "fingerprints", "--input", "a.smi", "--bits", "100" }, "multiple of 64")]
    [InlineData(new[] { "descriptors", "--inptu", "a" }, "unknown option '--inptu'")]
    public void UsageErrorsExitWith2AndSayWhatIsWrong(string[] args, string message)
    {
        var (code, _, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }
}
