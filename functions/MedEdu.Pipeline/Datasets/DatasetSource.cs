namespace MedEdu.Pipeline.Datasets;

/// <summary>Where a dataset's compounds come from: a bundled file, a CSV by URL, PubChem or ChEMBL.</summary>
/// <param name="Bundled">Name of a bundled dataset, or null.</param>
/// <param name="Url">Absolute http(s) URL of a CSV file, or null.</param>
/// <param name="Mapping">Column mapping used to read the CSV (for PubChem and ChEMBL, the normalized CSV's).</param>
/// <param name="PubChem">A PubChem PUG-REST query, or null.</param>
/// <param name="Chembl">A ChEMBL activities query, or null.</param>
/// <param name="Upload">An instructor's uploaded file, or null.</param>
public sealed record DatasetSource(string? Bundled, string? Url, ColumnMapping Mapping, PubChemQuery? PubChem = null, ChemblQuery? Chembl = null, UploadSource? Upload = null)
{
    /// <summary>A short human description, e.g. <c>bundled:esol</c>, the URL, <c>pubchem:aid/1000</c>, <c>upload:…</c>.</summary>
    public string Describe() =>
        Bundled is not null ? $"bundled:{Bundled}"
        : Upload is not null ? $"upload:{Upload.Id}"
        : PubChem is not null ? PubChem.Describe()
        : Chembl is not null ? Chembl.Describe()
        : Url ?? "(none)";
}

/// <summary>An uploaded file (<c>POST /api/uploads</c>): its id, the ETag of the content registered, and csv or smiles.</summary>
public sealed record UploadSource(string Id, string ETag, string Format);

/// <summary>
/// Compounds from PubChem PUG-REST: a CID list with one computed property as the value, or an
/// assay's tested compounds labelled 1 (active) or 0 (inactive).
/// </summary>
/// <param name="Cids">Compound ids, or null with <paramref name="Aid"/>.</param>
/// <param name="Aid">BioAssay id, or null with <paramref name="Cids"/>.</param>
/// <param name="Property">With CIDs: the PubChem property used as the value (e.g. XLogP).</param>
public sealed record PubChemQuery(int[]? Cids, int? Aid, string? Property)
{
    /// <summary>Properties PubChem computes that make sense as a teaching target.</summary>
    public static IReadOnlyList<string> Properties { get; } =
        ["XLogP", "MolecularWeight", "TPSA", "Complexity", "HBondDonorCount", "HBondAcceptorCount", "RotatableBondCount", "HeavyAtomCount", "ExactMass"];

    /// <summary>Largest number of compounds one PubChem dataset may have.</summary>
    public const int MaxCompounds = 20_000;

    /// <summary>e.g. <c>pubchem:aid/1000</c> or <c>pubchem:cids(4)/XLogP</c>.</summary>
    public string Describe() => Aid is int aid ? $"pubchem:aid/{aid}" : $"pubchem:cids({Cids?.Length ?? 0})/{Property}";
}

/// <summary>Compounds from ChEMBL: the activities of one target and type, converted to pChEMBL values (−log10 molar).</summary>
/// <param name="Target">Target id, e.g. CHEMBL203 (EGFR).</param>
/// <param name="ActivityType">IC50, Ki, Kd or EC50.</param>
public sealed record ChemblQuery(string Target, string ActivityType)
{
    /// <summary>Activity types whose nM values convert to a pChEMBL value.</summary>
    public static IReadOnlyList<string> ActivityTypes { get; } = ["IC50", "Ki", "Kd", "EC50"];

    /// <summary>e.g. <c>chembl:CHEMBL203/IC50</c>.</summary>
    public string Describe() => $"chembl:{Target}/{ActivityType}";
}
