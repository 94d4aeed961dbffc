using System.Globalization;
using System.Text;
using MedEdu.Compute.Data;
using MedEdu.Pipeline.Datasets;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>Reads one CSV row into a compound's fields, or explains why the row must be quarantined.</summary>
public sealed class CompoundRowReader
{
    private readonly int _columnCount;
    private readonly int _smiles;
    private readonly int _name;
    private readonly int _value;
    private readonly ColumnMapping _mapping;

    private CompoundRowReader(int columnCount, int smiles, int name, int value, ColumnMapping mapping)
    {
        _columnCount = columnCount;
        _smiles = smiles;
        _name = name;
        _value = value;
        _mapping = mapping;
    }

    /// <summary>Binds a mapping to a header; null with <paramref name="error"/> when a mapped column is missing.</summary>
    public static CompoundRowReader? Create(string[] header, ColumnMapping mapping, out string? error)
    {
        int smiles = Array.IndexOf(header, mapping.Smiles);
        int name = mapping.Name is null ? -1 : Array.IndexOf(header, mapping.Name);
        int value = mapping.Value is null ? -1 : Array.IndexOf(header, mapping.Value);
        string? missing = smiles < 0 ? mapping.Smiles
            : mapping.Name is not null && name < 0 ? mapping.Name
            : mapping.Value is not null && value < 0 ? mapping.Value
            : null;
        if (missing is not null)
        {
            error = $"column '{missing}' not found; the header has: {string.Join(", ", header.Select(h => $"'{h}'"))}";
            return null;
        }

        error = null;
        return new CompoundRowReader(header.Length, smiles, name, value, mapping);
    }

    /// <summary>Reads a row's bytes (no line terminator).</summary>
    public CompoundRow Read(ReadOnlySpan<byte> record)
    {
        if (!CsvFieldParser.TryParse(record, out var fields, out var error))
        {
            return CompoundRow.Rejected(error!);
        }

        if (fields.Length != _columnCount)
        {
            return CompoundRow.Rejected($"expected {_columnCount} fields, found {fields.Length}");
        }

        string smiles = fields[_smiles].Trim();
        if (smiles.Length == 0)
        {
            return CompoundRow.Rejected($"empty SMILES in column '{_mapping.Smiles}'");
        }

        double? value = null;
        if (_value >= 0)
        {
            string text = fields[_value].Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed))
            {
                return CompoundRow.Rejected($"value '{text}' in column '{_mapping.Value}' is not a number");
            }

            value = parsed;
        }

        string? name = _name >= 0 ? fields[_name].Trim() : null;
        return new CompoundRow(smiles, string.IsNullOrEmpty(name) ? null : name, value, null);
    }

    /// <summary>Parses the header record into column names.</summary>
    public static string[]? ReadHeader(ReadOnlySpan<byte> record, out string? error)
    {
        if (!CsvFieldParser.TryParse(record, out var fields, out error))
        {
            error = "header row: " + error;
            return null;
        }

        return fields.Select(f => f.Trim()).ToArray();
    }

    /// <summary>A printable copy of raw bytes for the quarantine table (invalid UTF-8 replaced).</summary>
    public static string Printable(ReadOnlySpan<byte> record)
    {
        var text = Encoding.UTF8.GetString(record);
        return text.Length <= Compounds.QuarantinedRowEntity.MaxRawLength ? text : text[..Compounds.QuarantinedRowEntity.MaxRawLength];
    }
}

/// <summary>A parsed row: compound fields, or the reason it was rejected.</summary>
public sealed record CompoundRow(string Smiles, string? Name, double? Value, string? RejectReason)
{
    /// <summary>A rejected row.</summary>
    public static CompoundRow Rejected(string reason) => new("", null, null, reason);
}
