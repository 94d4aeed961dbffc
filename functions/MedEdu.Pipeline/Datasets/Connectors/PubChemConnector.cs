using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MedEdu.Pipeline.Datasets.Connectors;

/// <summary>
/// Reads compounds from PubChem PUG-REST (JSON): <c>compound/cid/{cids}/property/Title,SMILES,{property}/JSON</c>
/// for a CID list, or <c>assay/aid/{aid}/cids/JSON?cids_type=active|inactive</c> then the same
/// property call for an assay. Writes the normalized CSV.
/// </summary>
public sealed class PubChemConnector(SourceHttpClient http, IOptions<PipelineOptions> options) : IDatasetConnector
{
    /// <summary>CIDs per property request (PUG-REST keeps URLs short and answers fast at this size).</summary>
    public const int CidsPerRequest = 100;

    // PubChem renamed its SMILES properties in 2025 (IsomericSMILES → SMILES, CanonicalSMILES → ConnectivitySMILES); either answer is read.
    private static readonly string[] SmilesKeys = ["SMILES", "IsomericSMILES", "CanonicalSMILES", "ConnectivitySMILES"];

    /// <inheritdoc />
    public bool Reads(DatasetSource source) => source.PubChem is not null;

    /// <inheritdoc />
    public async Task<byte[]> ReadAsync(DatasetSource source, CancellationToken cancellationToken)
    {
        var query = source.PubChem!;
        string root = options.Value.PubChemBaseUrl.TrimEnd('/');
        Dictionary<int, double?> wanted;
        string? property = query.Property;
        if (query.Aid is int aid)
        {
            var inactive = await AssayCidsAsync(root, aid, "inactive", cancellationToken);
            var active = await AssayCidsAsync(root, aid, "active", cancellationToken);
            wanted = inactive.ToDictionary(c => c, _ => (double?)0);
            foreach (int cid in active)
            {
                wanted[cid] = 1; // tested more than once: active wins, as PubChem's own activity outcome does
            }

            property = null;
        }
        else
        {
            wanted = query.Cids!.Distinct().ToDictionary(c => c, _ => (double?)null);
        }

        if (wanted.Count > PubChemQuery.MaxCompounds)
        {
            throw new DatasetSourceException($"{query.Describe()} has {wanted.Count} compounds, over the limit of {PubChemQuery.MaxCompounds}");
        }

        var compounds = new List<SourceCompound>(wanted.Count);
        foreach (var batch in wanted.Keys.Order().Chunk(CidsPerRequest))
        {
            string properties = property is null ? "Title,SMILES" : $"Title,SMILES,{property}";
            string url = $"{root}/compound/cid/{string.Join(',', batch)}/property/{properties}/JSON";
            foreach (var row in ReadPropertyTable(await http.GetAsync(url, "application/json", cancellationToken), url))
            {
                int cid = row.GetProperty("CID").GetInt32();
                string? smiles = SmilesKeys.Select(k => row.TryGetProperty(k, out var s) ? s.GetString() : null).FirstOrDefault(s => !string.IsNullOrEmpty(s));
                if (smiles is null || !wanted.TryGetValue(cid, out var label))
                {
                    continue;
                }

                string name = row.TryGetProperty("Title", out var title) && title.GetString() is { Length: > 0 } t ? t : $"CID {cid}";
                double? value = property is null ? label : Number(row, property);
                compounds.Add(new SourceCompound(cid.ToString(CultureInfo.InvariantCulture), name, smiles, value));
            }
        }

        if (compounds.Count == 0)
        {
            throw new DatasetSourceException($"PubChem returned no compounds with structures for {query.Describe()}");
        }

        return NormalizedCsv.Write(compounds);
    }

    private async Task<List<int>> AssayCidsAsync(string root, int aid, string type, CancellationToken cancellationToken)
    {
        string url = $"{root}/assay/aid/{aid}/cids/JSON?cids_type={type}";
        byte[] body;
        try
        {
            body = await http.GetAsync(url, "application/json", cancellationToken);
        }
        catch (DatasetSourceException e) when (e.Message.Contains(" 404 ", StringComparison.Ordinal))
        {
            return []; // PubChem answers 404 when an assay has no compounds of this outcome
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.GetProperty("InformationList").GetProperty("Information").EnumerateArray()
                .SelectMany(i => i.TryGetProperty("CID", out var cids) ? cids.EnumerateArray().Select(c => c.GetInt32()) : [])
                .ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DatasetSourceException($"{url} did not answer a PUG-REST InformationList: {e.Message}");
        }
    }

    private static List<JsonElement> ReadPropertyTable(byte[] body, string url)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.GetProperty("PropertyTable").GetProperty("Properties").EnumerateArray().Select(e => e.Clone()).ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DatasetSourceException($"{url} did not answer a PUG-REST PropertyTable: {e.Message}");
        }
    }

    // PUG-REST answers some properties as numbers (XLogP) and some as strings (MolecularWeight).
    private static double? Number(JsonElement row, string property) =>
        !row.TryGetProperty(property, out var v) ? null
        : v.ValueKind == JsonValueKind.Number ? v.GetDouble()
        : v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d
        : null;
}
