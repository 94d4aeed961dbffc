using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MedEdu.Pipeline.Datasets.Connectors;

/// <summary>
/// Reads a target's activities from the ChEMBL REST API (<c>activity.json</c>, paged through
/// <c>page_meta.next</c>), keeps exact (<c>=</c>) values in nM, converts each to a pChEMBL value
/// (9 − log10 nM, i.e. −log10 molar) and averages them per molecule.
/// </summary>
public sealed class ChemblConnector(SourceHttpClient http, IOptions<PipelineOptions> options) : IDatasetConnector
{
    /// <summary>Activities per page (ChEMBL's maximum).</summary>
    public const int PageSize = 1000;

    /// <summary>Most pages read for one dataset.</summary>
    public const int MaxPages = 200;

    /// <inheritdoc />
    public bool Reads(DatasetSource source) => source.Chembl is not null;

    /// <inheritdoc />
    public async Task<byte[]> ReadAsync(DatasetSource source, CancellationToken cancellationToken)
    {
        var query = source.Chembl!;
        var root = new Uri(options.Value.ChemblBaseUrl.TrimEnd('/') + "/");
        string? next = new Uri(root, $"activity.json?target_chembl_id={Uri.EscapeDataString(query.Target)}&standard_type={Uri.EscapeDataString(query.ActivityType)}&limit={PageSize}&offset=0").AbsoluteUri;
        var byMolecule = new Dictionary<string, (string Name, string Smiles, List<double> Values)>(StringComparer.Ordinal);
        for (int page = 0; next is not null; page++)
        {
            if (page == MaxPages)
            {
                throw new DatasetSourceException($"{query.Describe()} has more than {MaxPages * PageSize} activities; narrow the query");
            }

            string url = next;
            byte[] body = await http.GetAsync(url, "application/json", cancellationToken);
            try
            {
                using var json = JsonDocument.Parse(body);
                foreach (var a in json.RootElement.GetProperty("activities").EnumerateArray())
                {
                    if (Activity(a) is { } activity)
                    {
                        if (!byMolecule.TryGetValue(activity.Id, out var entry))
                        {
                            byMolecule[activity.Id] = entry = (activity.Name, activity.Smiles, []);
                        }

                        entry.Values.Add(activity.PValue);
                    }
                }

                // page_meta.next is a path on the same host ("/chembl/api/data/activity.json?...&offset=1000").
                next = json.RootElement.GetProperty("page_meta").TryGetProperty("next", out var n) && n.GetString() is { Length: > 0 } path
                    ? new Uri(root, path).AbsoluteUri
                    : null;
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new DatasetSourceException($"{url} did not answer a ChEMBL activity page: {e.Message}");
            }
        }

        if (byMolecule.Count == 0)
        {
            throw new DatasetSourceException($"ChEMBL has no exact {query.ActivityType} values in nM for {query.Target}");
        }

        return NormalizedCsv.Write(byMolecule.Select(m => new SourceCompound(m.Key, m.Value.Name, m.Value.Smiles, Math.Round(m.Value.Values.Average(), 3))));
    }

    /// <summary>One usable activity: exact relation, nM units, a positive value and a structure.</summary>
    private static (string Id, string Name, string Smiles, double PValue)? Activity(JsonElement a)
    {
        string? Text(string name) => a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        string? id = Text("molecule_chembl_id"), smiles = Text("canonical_smiles");
        if (id is null || string.IsNullOrEmpty(smiles) || Text("standard_relation") != "=" || Text("standard_units") != "nM"
            || !double.TryParse(Text("standard_value"), NumberStyles.Float, CultureInfo.InvariantCulture, out double nanomolar) || nanomolar <= 0)
        {
            return null;
        }

        return (id, Text("molecule_pref_name") ?? id, smiles, 9 - Math.Log10(nanomolar));
    }
}
