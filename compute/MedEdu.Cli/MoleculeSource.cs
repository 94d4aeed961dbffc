using System.Text;
using MedEdu.Compute.Data;

namespace MedEdu.Cli;

/// <summary>One input molecule: where it came from, its id and SMILES (or why the row is unreadable).</summary>
internal readonly record struct InputMolecule(int Row, string Id, string Smiles, string? RowError)
{
    /// <summary>The parsed molecule, or null with the reason every command reports (row problem, parser position and reason, or no atoms).</summary>
    public MedEdu.Compute.Chemistry.Molecules.Molecule? Parse(out string? error)
    {
        if (RowError is not null)
        {
            error = RowError;
            return null;
        }

        if (!MedEdu.Compute.Chemistry.SmilesParse.SmilesParser.TryParse(Smiles, out var molecule, out var parseError))
        {
            error = $"position {parseError!.Position}: {parseError.Reason}";
            return null;
        }

        error = molecule!.Atoms.Count == 0 ? "the SMILES has no atoms" : null;
        return error is null ? molecule : null;
    }
}

/// <summary>
/// Streams molecules from a SMILES file (<c>SMILES&lt;whitespace&gt;ID</c> per line) or a CSV with a
/// header, a record at a time, so memory stays flat whatever the file size.
/// </summary>
internal static class MoleculeSource
{
    public static bool IsCsv(string path, string? smilesColumn) =>
        smilesColumn is not null || path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<InputMolecule> Read(string path, string? smilesColumn, string? idColumn)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"input file '{path}' does not exist");
        }

        return IsCsv(path, smilesColumn) ? ReadCsv(path, smilesColumn ?? "smiles", idColumn) : ReadSmilesFile(path);
    }

    private static IEnumerable<InputMolecule> ReadSmilesFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        int line = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            var trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var entry = SmilesFileLine.Parse(trimmed)!.Value;
            yield return new InputMolecule(line, entry.Name ?? $"line{line}", entry.Smiles, null);
        }
    }

    private static IEnumerable<InputMolecule> ReadCsv(string path, string smilesColumn, string? idColumn)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        string[]? header = null;
        int smilesIndex = -1, idIndex = -1, row = 0;
        foreach (var record in Records(reader))
        {
            if (!CsvFieldParser.TryParse(Encoding.UTF8.GetBytes(record), out var fields, out var error))
            {
                if (header is null)
                {
                    throw new UsageException($"the CSV header cannot be read: {error}");
                }

                row++;
                yield return new InputMolecule(row, $"row{row}", "", error);
                continue;
            }

            if (header is null)
            {
                header = fields.Select(f => f.Trim()).ToArray();
                smilesIndex = Array.FindIndex(header, h => h.Equals(smilesColumn, StringComparison.OrdinalIgnoreCase));
                if (smilesIndex < 0)
                {
                    throw new UsageException($"column '{smilesColumn}' is not in the header ({string.Join(", ", header)}); give --smiles-column");
                }

                if (idColumn is not null)
                {
                    idIndex = Array.FindIndex(header, h => h.Equals(idColumn, StringComparison.OrdinalIgnoreCase));
                    if (idIndex < 0)
                    {
                        throw new UsageException($"column '{idColumn}' is not in the header ({string.Join(", ", header)})");
                    }
                }

                continue;
            }

            row++;
            if (fields.Length != header.Length)
            {
                yield return new InputMolecule(row, $"row{row}", "", $"expected {header.Length} fields, found {fields.Length}");
                continue;
            }

            string id = idIndex >= 0 ? fields[idIndex].Trim() : $"row{row}";
            yield return new InputMolecule(row, id, fields[smilesIndex].Trim(), null);
        }
    }

    /// <summary>CSV records from a text stream: lines joined while a quoted field is open.</summary>
    private static IEnumerable<string> Records(TextReader reader)
    {
        var pending = new StringBuilder();
        bool open = false;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (pending.Length > 0 || open)
            {
                pending.Append('\n');
            }

            pending.Append(line);
            foreach (char c in line)
            {
                if (c == '"')
                {
                    open = !open;
                }
            }

            if (!open)
            {
                if (pending.Length > 0)
                {
                    yield return pending.ToString();
                }

                pending.Clear();
            }
        }

        if (pending.Length > 0)
        {
            yield return pending.ToString();
        }
    }
}
