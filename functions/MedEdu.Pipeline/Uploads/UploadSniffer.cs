using System.Text;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Pipeline.Ingestion;

namespace MedEdu.Pipeline.Uploads;

/// <summary>
/// Looks at the start of an uploaded file and says whether it is a CSV with the expected SMILES
/// column or a SMILES file ("SMILES name" per line), before any of it is ingested.
/// </summary>
public static class UploadSniffer
{
    /// <summary>Bytes read from the start of the file.</summary>
    public const int HeadBytes = 64 * 1024;

    /// <summary>"csv" or "smiles"; null with <paramref name="problem"/> saying what the file looks like instead.</summary>
    /// <param name="head">The first bytes of the file (all of it when shorter than <see cref="HeadBytes"/>).</param>
    /// <param name="smilesColumn">The CSV column the registration names for SMILES.</param>
    /// <param name="problem">What the file looks like instead, when it is neither.</param>
    public static string? Sniff(ReadOnlySpan<byte> head, string smilesColumn, out string problem)
    {
        problem = "";
        if (head.IsEmpty)
        {
            problem = "the file is empty";
            return null;
        }

        if (head.Contains((byte)0))
        {
            problem = "the file is binary (it holds NUL bytes), not CSV or SMILES text: was it compressed or a spreadsheet?";
            return null;
        }

        string text;
        try
        {
            // The head may end inside a multi-byte character: drop an incomplete tail before decoding.
            int end = head.Length;
            while (end > 0 && end > head.Length - 4 && (head[end - 1] & 0xC0) == 0x80)
            {
                end--;
            }

            if (end > 0 && head[end - 1] >= 0xC0)
            {
                end--;
            }

            text = new UTF8Encoding(false, true).GetString(head[..end]);
        }
        catch (DecoderFallbackException)
        {
            problem = "the file is not UTF-8 text";
            return null;
        }

        var lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).Take(3).ToList();
        if (lines.Count == 0)
        {
            problem = "the file holds only blank lines";
            return null;
        }

        var header = CompoundRowReader.ReadHeader(Encoding.UTF8.GetBytes(lines[0]), out _);
        if (header is not null && header.Contains(smilesColumn))
        {
            if (lines.Count < 2)
            {
                problem = "the CSV has a header but no rows";
                return null;
            }

            return "csv";
        }

        string first = Compute.Data.SmilesFileLine.Parse(lines[0])?.Smiles ?? "";
        try
        {
            SmilesParser.Parse(first);
            return "smiles";
        }
        catch (SmilesException)
        {
            string shown = lines[0].Length > 80 ? lines[0][..80] + "…" : lines[0];
            // CSV-shaped (a header and a row with as many fields) but the column is not there.
            bool csvShaped = header is { Length: > 1 } && lines.Count > 1
                && CompoundRowReader.ReadHeader(Encoding.UTF8.GetBytes(lines[1]), out _)?.Length == header.Length;
            problem = csvShaped
                ? $"the CSV has no column '{smilesColumn}' (its header: {string.Join(", ", header!.Select(h => $"'{h}'"))}): name the SMILES column with 'smilesColumn'"
                : $"the first line is neither a CSV header with a '{smilesColumn}' column nor a SMILES line: '{shown}'";
            return null;
        }
    }
}
