using System.Text;
using MedEdu.Pipeline.Datasets;
using MedEdu.Pipeline.Ingestion;
using MedEdu.Pipeline.Tests.Infrastructure;
using MedEdu.Pipeline.Uploads;

namespace MedEdu.Pipeline.Tests.Unit;

/// <summary>The streamed chunk plan equals the whole-file plan however the file is cut into blocks.</summary>
public sealed class StreamingChunkPlannerTests
{
    public static TheoryData<string, string, int> Files => new()
    {
        // FreeSolv's names hold quoted commas; AqSolDB is the largest bundled file; ESOL is small.
        { "freesolv-sampl.csv", "smiles", 1 },
        { "freesolv-sampl.csv", "smiles", 7 },
        { "esol-delaney.csv", "smiles", 4096 },
        { "aqsoldb.csv", "SMILES", 65536 },
        { "aqsoldb.csv", "SMILES", 1 << 20 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Blocks_of_any_size_give_the_whole_file_plan(string file, string smilesColumn, int blockBytes)
    {
        byte[] content = File.ReadAllBytes(RepoPaths.Dataset(file));
        var mapping = new ColumnMapping(smilesColumn, null, null);
        var whole = FetchRawDataset.Plan(content, "b", "h", mapping, 100);
        var planner = new StreamingChunkPlanner(mapping, 100);
        for (int at = 0; at < content.Length; at += blockBytes)
        {
            planner.Append(content.AsSpan(at, Math.Min(blockBytes, content.Length - at)));
        }

        var streamed = planner.Finish("b", "h");
        Assert.Null(streamed.Error);
        Assert.Equal(whole.Header, streamed.Header);
        Assert.Equal(whole.TotalRows, streamed.TotalRows);
        Assert.Equal(whole.Chunks, streamed.Chunks);
    }

    [Fact]
    public void Quoted_line_breaks_blank_lines_and_a_missing_column_are_handled_as_in_the_whole_file()
    {
        byte[] content = Encoding.UTF8.GetBytes("\uFEFFname,smiles\r\n\"two\nlines\",CCO\r\n\r\n\"x, y\",c1ccccc1\nlast,C");
        var mapping = new ColumnMapping("smiles", "name", null);
        var whole = FetchRawDataset.Plan(content, "b", "h", mapping, 2);
        var planner = new StreamingChunkPlanner(mapping, 2);
        foreach (byte b in content)
        {
            planner.Append([b]);
        }

        var streamed = planner.Finish("b", "h");
        Assert.Equal(3, streamed.TotalRows);
        Assert.Equal(whole.Chunks, streamed.Chunks);

        var missing = new StreamingChunkPlanner(new ColumnMapping("SMILES", null, null), 2);
        missing.Append(content);
        Assert.Contains("column 'SMILES' not found", missing.Finish("b", "h").Error);
        Assert.Equal("the file is empty", new StreamingChunkPlanner(mapping, 2).Finish("b", "h").Error);
    }

    [Fact]
    public void A_smiles_file_becomes_the_csv_ingestion_reads_whatever_the_block_boundaries()
    {
        byte[] smi = Encoding.UTF8.GetBytes("CCO ethanol\r\nc1ccccc1O\tphenol, the disinfectant\n\nC(=O)O \"formic\" acid\nCN");
        var converter = new SmilesFileConverter();
        var csv = new List<byte>();
        for (int at = 0; at < smi.Length; at += 5)
        {
            csv.AddRange(converter.Convert(smi.AsSpan(at, Math.Min(5, smi.Length - at))));
        }

        csv.AddRange(converter.Finish());
        Assert.Equal("smiles,name\nCCO,ethanol\nc1ccccc1O,\"phenol, the disinfectant\"\nC(=O)O,\"\"\"formic\"\" acid\"\nCN,\n", Encoding.UTF8.GetString([.. csv]));
    }

    [Theory]
    [InlineData("smiles,name\nCCO,ethanol\n", "csv", "")]
    [InlineData("CCO ethanol\nCC propane\n", "smiles", "")]
    [InlineData("smiles,name\n", null, "no rows")]
    [InlineData("", null, "empty")]
    [InlineData("a,b\0c", null, "binary")]
    [InlineData("structure,name\nCCO,ethanol\n", null, "no column 'smiles'")]
    [InlineData("Dear students, bring coats.\nThanks\n", null, "neither a CSV header")]
    public void The_sniffer_tells_csv_from_smiles_from_anything_else(string head, string? format, string problem)
    {
        Assert.Equal(format, UploadSniffer.Sniff(Encoding.UTF8.GetBytes(head), "smiles", out string why));
        Assert.Contains(problem, why);
    }
}
