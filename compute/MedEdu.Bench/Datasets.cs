using MedEdu.Compute.Data;

namespace MedEdu.Bench;

/// <summary>Reads the bundled datasets for benchmarks.</summary>
internal static class Datasets
{
    /// <summary>Finds the repository's datasets folder from the working directory or the binary's.</summary>
    public static string Folder()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "datasets");
                if (File.Exists(Path.Combine(candidate, "aqsoldb.csv")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("datasets/aqsoldb.csv not found; run from the repository");
    }

    /// <summary>The SMILES column of a bundled CSV.</summary>
    public static List<string> Smiles(string folder, string file, string column)
    {
        var bytes = File.ReadAllBytes(Path.Combine(folder, file));
        var records = CsvRecordSplitter.Split(bytes);
        CsvFieldParser.TryParse(bytes.AsSpan(records[0].Offset, records[0].Length), out var header, out _);
        int index = Array.IndexOf(header, column);
        var result = new List<string>(records.Count);
        foreach (var r in records.Skip(1))
        {
            if (CsvFieldParser.TryParse(bytes.AsSpan(r.Offset, r.Length), out var fields, out _) && fields[index].Trim().Length > 0)
            {
                result.Add(fields[index].Trim());
            }
        }

        return result;
    }

    /// <summary>Every value of a column (trimmed, empty included), in row order.</summary>
    public static List<string> Column(string folder, string file, string column)
    {
        var bytes = File.ReadAllBytes(Path.Combine(folder, file));
        var records = CsvRecordSplitter.Split(bytes);
        CsvFieldParser.TryParse(bytes.AsSpan(records[0].Offset, records[0].Length), out var header, out _);
        int index = Array.IndexOf(header, column);
        return records.Skip(1).Select(r => CsvFieldParser.TryParse(bytes.AsSpan(r.Offset, r.Length), out var fields, out _) ? fields[index].Trim() : "").ToList();
    }

    /// <summary>AqSolDB's SMILES.</summary>
    public static List<string> AqSolDbSmiles(string folder) => Smiles(folder, "aqsoldb.csv", "SMILES");
}
