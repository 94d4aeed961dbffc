using System.Globalization;
using System.Text;

namespace MedEdu.Pipeline.Datasets.Connectors;

/// <summary>One compound read from a web service.</summary>
/// <param name="Id">The service's id (PubChem CID, ChEMBL molecule id).</param>
/// <param name="Name">A display name (title or preferred name), or the id.</param>
/// <param name="Smiles">The structure.</param>
/// <param name="Value">The measured or computed value, or null.</param>
public sealed record SourceCompound(string Id, string Name, string Smiles, double? Value);

/// <summary>The CSV that web-service connectors write: <c>id,name,smiles,value</c>, RFC 4180 quoting, rows sorted by id.</summary>
public static class NormalizedCsv
{
    /// <summary>The mapping ingestion uses for this CSV.</summary>
    public static ColumnMapping Mapping { get; } = new("smiles", "name", "value");

    /// <summary>Writes the compounds; sorting makes the bytes (and so the content hash) independent of the service's order.</summary>
    public static byte[] Write(IEnumerable<SourceCompound> compounds)
    {
        var csv = new StringBuilder("id,name,smiles,value\n");
        foreach (var c in compounds.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            csv.Append(Field(c.Id)).Append(',').Append(Field(c.Name)).Append(',').Append(Field(c.Smiles)).Append(',')
                .Append(c.Value?.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static string Field(string value) => Compute.Data.CsvFieldWriter.Field(value);
}
