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

    /// <summary>Compounds from PubChem PUG-REST: <c>{"cids": [2244, 3672], "property": "XLogP"}</c> or <c>{"aid": 1000}</c>.</summary>
    [JsonPropertyName("pubchem")] public PubChemRegistration? PubChem { get; init; }

    /// <summary>Activities from ChEMBL: <c>{"target": "CHEMBL203", "activityType": "IC50"}</c>.</summary>
    [JsonPropertyName("chembl")] public ChemblRegistration? Chembl { get; init; }

    /// <summary>An upload id from <c>POST /api/uploads</c> whose file has been PUT.</summary>
    [JsonPropertyName("upload")] public string? Upload { get; init; }

    /// <summary>CSV column with SMILES; required with <see cref="Url"/>; "smiles" by default for an upload.</summary>
    [JsonPropertyName("smilesColumn")] public string? SmilesColumn { get; init; }

    /// <summary>CSV column with compound names.</summary>
    [JsonPropertyName("nameColumn")] public string? NameColumn { get; init; }

    /// <summary>CSV column with the measured value.</summary>
    [JsonPropertyName("valueColumn")] public string? ValueColumn { get; init; }

    /// <summary>What the value means (words, unit, experimental error, labels); defaults depend on the source.</summary>
    [JsonPropertyName("property")] public PropertyRegistration? Property { get; init; }

    /// <summary>Rows per ingestion activity (10-10000); the default suits most datasets.</summary>
    [JsonPropertyName("chunkSize")] public int? ChunkSize { get; init; }
}

/// <summary>The <c>pubchem</c> part of a registration.</summary>
public sealed class PubChemRegistration
{
    /// <summary>PubChem compound ids.</summary>
    [JsonPropertyName("cids")] public List<int>? Cids { get; init; }

    /// <summary>A BioAssay id: its tested compounds, labelled 1 (active) or 0 (inactive).</summary>
    [JsonPropertyName("aid")] public int? Aid { get; init; }

    /// <summary>With <see cref="Cids"/>: the PubChem property used as the value; default XLogP.</summary>
    [JsonPropertyName("property")] public string? Property { get; init; }
}

/// <summary>The <c>chembl</c> part of a registration.</summary>
public sealed class ChemblRegistration
{
    /// <summary>ChEMBL target id, e.g. CHEMBL203.</summary>
    [JsonPropertyName("target")] public string? Target { get; init; }

    /// <summary>IC50 (default), Ki, Kd or EC50.</summary>
    [JsonPropertyName("activityType")] public string? ActivityType { get; init; }
}

/// <summary>The <c>property</c> part of a registration: how exercises speak of the value and how finely it can be told apart.</summary>
public sealed class PropertyRegistration
{
    /// <summary>The property in words, e.g. "aqueous solubility".</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>Short symbol shown before values, e.g. "log S".</summary>
    [JsonPropertyName("symbol")] public string? Symbol { get; init; }

    /// <summary>Unit shown after values, e.g. "log(mol/L)".</summary>
    [JsonPropertyName("unit")] public string? Unit { get; init; }

    /// <summary>Values closer than this are treated as equal in rankings (the value's unit; default 0.5 for measured values).</summary>
    [JsonPropertyName("experimentalError")] public double? ExperimentalError { get; init; }

    /// <summary>For 0/1 values: what 1 means, as a predicate ("crosses the blood-brain barrier").</summary>
    [JsonPropertyName("positive")] public string? Positive { get; init; }

    /// <summary>For 0/1 values: what 0 means ("does not cross the blood-brain barrier").</summary>
    [JsonPropertyName("negative")] public string? Negative { get; init; }
}
