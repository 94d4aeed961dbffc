using System.Globalization;
using MedEdu.Compute.Data;

namespace MedEdu.Notebooks;

/// <summary>One row of a bundled dataset: its row number, name, SMILES and measured value.</summary>
public sealed record DatasetRow(int Row, string Name, string Smiles, double Value);

/// <summary>Reads a MoleculeNet-style CSV with the same strict parser the pipeline uses.</summary>
public static class DatasetCsv
{
    /// <summary>Reads the rows whose SMILES is present and whose value is a number.</summary>
    /// <exception cref="ArgumentException">A named column is not in the header.</exception>
    public static List<DatasetRow> Read(string path, string smilesColumn, string nameColumn, string valueColumn)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var records = CsvRecordSplitter.Split(bytes);
        if (records.Count == 0 || !CsvFieldParser.TryParse(bytes.AsSpan(records[0].Offset, records[0].Length), out var header, out var error))
        {
            throw new ArgumentException($"{path}: no readable header row");
        }

        int Column(string name) => Array.IndexOf(header, name) is int i and >= 0
            ? i
            : throw new ArgumentException($"{path}: no column '{name}'; the columns are {string.Join(", ", header)}");
        int smiles = Column(smilesColumn), label = Column(nameColumn), value = Column(valueColumn);

        var rows = new List<DatasetRow>(records.Count);
        for (int r = 1; r < records.Count; r++)
        {
            if (CsvFieldParser.TryParse(bytes.AsSpan(records[r].Offset, records[r].Length), out var fields, out _)
                && fields.Length == header.Length
                && fields[smiles].Trim().Length > 0
                && double.TryParse(fields[value], NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
            {
                rows.Add(new DatasetRow(r, fields[label].Trim(), fields[smiles].Trim(), v));
            }
        }

        return rows;
    }

    /// <summary>The repository's <c>datasets/</c> folder, found upwards from the working directory.</summary>
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "datasets", "esol-delaney.csv")))
            {
                return Path.Combine(dir.FullName, "datasets");
            }
        }

        throw new DirectoryNotFoundException("datasets/esol-delaney.csv not found above the working directory; open the notebook from the repository");
    }
}
