using System.Text;
using MedEdu.Compute.Data;

namespace MedEdu.Compute.Tests.Data;

public sealed class CsvReadingTests
{
    private static List<string[]> ReadAll(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return CsvRecordSplitter.Split(bytes).Select(r =>
        {
            Assert.True(CsvFieldParser.TryParse(bytes.AsSpan(r.Offset, r.Length), out var fields, out var error), error);
            return fields;
        }).ToList();
    }

    [Fact]
    public void SplitsRecordsOnLfAndCrLfAndSkipsBlankLines()
    {
        var rows = ReadAll("a,b\r\n1,2\n\n3,4");
        Assert.Equal([["a", "b"], ["1", "2"], ["3", "4"]], rows);
    }

    [Fact]
    public void QuotedFieldsKeepCommasNewlinesAndDoubledQuotes()
    {
        var rows = ReadAll("name,smiles\n\"N,N-dimethyl\nformamide\",CN(C)C=O\n\"say \"\"hi\"\"\",C\n");
        Assert.Equal(3, rows.Count);
        Assert.Equal("N,N-dimethyl\nformamide", rows[1][0]);
        Assert.Equal("say \"hi\"", rows[2][0]);
    }

    [Fact]
    public void RecordsReportTheLineTheyStartOn()
    {
        var bytes = Encoding.UTF8.GetBytes("h\n\"a\nb\"\nc\n");
        var records = CsvRecordSplitter.Split(bytes);
        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
    }

    [Fact]
    public void ByteOrderMarkIsSkipped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'x', (byte)'\n' };
        var record = Assert.Single(CsvRecordSplitter.Split(bytes));
        Assert.Equal(3, record.Offset);
    }

    [Fact]
    public void AQuoteInsideAnUnquotedFieldIsData()
    {
        var rows = ReadAll("5\" disk,C\nnext,CC\n");
        Assert.Equal([["5\" disk", "C"], ["next", "CC"]], rows);
    }

    [Theory]
    [InlineData("\"open,1", "unterminated quoted field")]
    [InlineData("\"closed\"x,1", "unexpected character after closing quote at byte 8 of the row")]
    public void MalformedQuotingIsAnErrorNotAnException(string record, string expected)
    {
        Assert.False(CsvFieldParser.TryParse(Encoding.UTF8.GetBytes(record), out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void InvalidUtf8IsReportedWithItsOffset()
    {
        byte[] record = [(byte)'a', (byte)'b', 0xC3, 0x28, (byte)',', (byte)'1'];
        Assert.False(CsvFieldParser.TryParse(record, out _, out var error));
        Assert.Equal("invalid UTF-8 at byte 2 of the row", error);
    }

    [Fact]
    public void EveryBundledDatasetSplitsIntoItsPublishedRowCount()
    {
        foreach (var (file, rows) in new[] { ("esol-delaney.csv", 1128), ("freesolv-sampl.csv", 642), ("bbbp.csv", 2050), ("aqsoldb.csv", 9982) })
        {
            var bytes = File.ReadAllBytes(Path.Combine(TestData.DatasetsFolder, file));
            var records = CsvRecordSplitter.Split(bytes);
            Assert.Equal(rows + 1, records.Count);
            Assert.All(records, r => Assert.True(CsvFieldParser.TryParse(bytes.AsSpan(r.Offset, r.Length), out _, out _)));
        }
    }
}
