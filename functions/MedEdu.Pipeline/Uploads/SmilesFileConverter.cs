using System.Text;

namespace MedEdu.Pipeline.Uploads;

/// <summary>
/// Turns a SMILES file (one "SMILES name" per line, whitespace between) into the CSV ingestion
/// reads (<c>smiles,name</c>), block by block, carrying an unfinished line to the next block.
/// </summary>
public sealed class SmilesFileConverter
{
    /// <summary>The column mapping of the CSV this converter writes.</summary>
    public static Datasets.ColumnMapping Mapping { get; } = new("smiles", "name", null);

    private readonly List<byte> _partial = [];
    private bool _headerWritten;

    /// <summary>The CSV for the complete lines in <paramref name="block"/> (the header first).</summary>
    public byte[] Convert(ReadOnlySpan<byte> block) => Emit(block, final: false);

    /// <summary>The CSV for the last, unterminated line.</summary>
    public byte[] Finish() => Emit([], final: true);

    private byte[] Emit(ReadOnlySpan<byte> block, bool final)
    {
        var output = new StringBuilder();
        if (!_headerWritten)
        {
            output.Append("smiles,name\n");
            _headerWritten = true;
        }

        int start = 0;
        for (int i = 0; i < block.Length; i++)
        {
            if (block[i] == (byte)'\n')
            {
                _partial.AddRange(block[start..i]);
                Line(output);
                start = i + 1;
            }
        }

        _partial.AddRange(block[start..]);
        if (final)
        {
            Line(output);
        }

        return Encoding.UTF8.GetBytes(output.ToString());
    }

    private void Line(StringBuilder output)
    {
        var entry = Compute.Data.SmilesFileLine.Parse(Encoding.UTF8.GetString([.. _partial]).TrimStart('\uFEFF'));
        _partial.Clear();
        if (entry is { } e)
        {
            output.Append(Quote(e.Smiles)).Append(',').Append(e.Name is null ? "" : Quote(e.Name)).Append('\n');
        }
    }

    private static string Quote(string field) => Compute.Data.CsvFieldWriter.Field(field);
}
