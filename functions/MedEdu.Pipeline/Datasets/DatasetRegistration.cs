using System.Text.Json.Serialization;

namespace MedEdu.Pipeline.Datasets;

/// <summary>Body of <c>POST /api/datasets</c>: an instructor registers a dataset to ingest.</summary>
public sealed class DatasetRegistration
{
    /// <summary>Dataset id (lowercase letters, digits, '-'); defaults to the bundled name.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>Display name; defaults to the id.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>Name of a bundled dataset (esol, freesolv, bbbp, aqsoldb).</summary>
    [JsonPropertyName("bundled")] public string? Bundled { get; init; }

    /// <summary>URL of a MoleculeNet-style CSV file.</summary>
    [JsonPropertyName("url")] public string? Url { get; init; }

    /// <summary>CSV column with SMILES; required with <see cref="Url"/>.</summary>
    [JsonPropertyName("smilesColumn")] public string? SmilesColumn { get; init; }

    /// <summary>CSV column with compound names.</summary>
    [JsonPropertyName("nameColumn")] public string? NameColumn { get; init; }

    /// <summary>CSV column with the measured value.</summary>
    [JsonPropertyName("valueColumn")] public string? ValueColumn { get; init; }

    /// <summary>Rows per ingestion activity (10-10000); the default suits most datasets.</summary>
    [JsonPropertyName("chunkSize")] public int? ChunkSize { get; init; }
}
