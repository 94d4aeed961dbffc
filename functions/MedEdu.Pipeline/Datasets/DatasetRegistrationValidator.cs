using System.Text.RegularExpressions;
using MedEdu.Compute.Exercises;

namespace MedEdu.Pipeline.Datasets;

/// <summary>Turns a <see cref="DatasetRegistration"/> into a validated id, name and source, or says what is wrong.</summary>
public static partial class DatasetRegistrationValidator
{
    /// <summary>Smallest accepted rows-per-activity.</summary>
    public const int MinChunkSize = 10;

    /// <summary>Largest accepted rows-per-activity.</summary>
    public const int MaxChunkSize = 10_000;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,47}$")]
    private static partial Regex IdPattern();

    /// <summary>Validates <paramref name="registration"/>.</summary>
    /// <returns>The validated dataset, or null with <paramref name="error"/> set.</returns>
    public static ValidatedRegistration? Validate(DatasetRegistration registration, SourceUrlPolicy urlPolicy, out string? error)
    {
        bool hasBundled = !string.IsNullOrWhiteSpace(registration.Bundled);
        bool hasUrl = !string.IsNullOrWhiteSpace(registration.Url);
        bool hasUpload = registration.Upload is not null;
        int kinds = (hasBundled ? 1 : 0) + (hasUrl ? 1 : 0) + (registration.PubChem is null ? 0 : 1) + (registration.Chembl is null ? 0 : 1) + (hasUpload ? 1 : 0);
        if (kinds != 1)
        {
            error = "give exactly one source: 'bundled' (one of: " + string.Join(", ", BundledDatasetCatalog.Names) + "), 'url', 'upload', 'pubchem' or 'chembl'";
            return null;
        }

        DatasetSource? source;
        string defaultId;
        if (hasBundled)
        {
            source = Bundled(registration, out defaultId, out error);
        }
        else if (hasUrl)
        {
            source = CsvByUrl(registration, urlPolicy, out defaultId, out error);
        }
        else if (hasUpload)
        {
            source = Upload(registration, out defaultId, out error);
        }
        else if (registration.PubChem is { } pubchem)
        {
            source = PubChem(pubchem, out defaultId, out error);
        }
        else
        {
            source = Chembl(registration.Chembl!, out defaultId, out error);
        }

        if (source is null)
        {
            return null;
        }

        string id = registration.Id ?? defaultId;
        if (!IdPattern().IsMatch(id))
        {
            error = $"dataset id '{id}' is not valid: use 1-48 lowercase letters, digits or '-', starting with a letter or digit";
            return null;
        }

        int chunkSize = registration.ChunkSize ?? Ingestion.IngestDatasetInput.DefaultChunkSize;
        if (chunkSize is < MinChunkSize or > MaxChunkSize)
        {
            error = $"'chunkSize' must be from {MinChunkSize} to {MaxChunkSize}, not {chunkSize}";
            return null;
        }

        var property = Property(registration.Property, PropertyDefaults.For(source), out error);
        if (property is null)
        {
            return null;
        }

        return new ValidatedRegistration(id, string.IsNullOrWhiteSpace(registration.Name) ? id : registration.Name.Trim(), source, chunkSize, property);
    }

    /// <summary>Longest accepted text in a <c>property</c> field.</summary>
    public const int MaxPropertyText = 100;

    private static PropertyProfile? Property(PropertyRegistration? given, PropertyProfile defaults, out string? error)
    {
        error = null;
        if (given is null)
        {
            return defaults;
        }

        foreach (var (field, text) in new[] { ("name", given.Name), ("symbol", given.Symbol), ("unit", given.Unit), ("positive", given.Positive), ("negative", given.Negative) })
        {
            if (text is not null && (string.IsNullOrWhiteSpace(text) || text.Length > MaxPropertyText))
            {
                error = $"'property.{field}' must be 1-{MaxPropertyText} characters";
                return null;
            }
        }

        if (given.ExperimentalError is double e && (!double.IsFinite(e) || e < 0 || e > 1e6))
        {
            error = $"'property.experimentalError' must be a number from 0 to 1000000 in the value's unit, not {e.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            return null;
        }

        if ((given.Positive is null) != (given.Negative is null))
        {
            error = "'property.positive' and 'property.negative' go together: what a 1 means and what a 0 means";
            return null;
        }

        return new PropertyProfile(
            given.Name?.Trim() ?? defaults.Name,
            given.Symbol?.Trim() ?? defaults.Symbol,
            given.Unit?.Trim() ?? defaults.Unit,
            given.ExperimentalError ?? defaults.ExperimentalError,
            given.Positive?.Trim() ?? defaults.Positive,
            given.Negative?.Trim() ?? defaults.Negative);
    }

    private static DatasetSource? Bundled(DatasetRegistration registration, out string defaultId, out string? error)
    {
        defaultId = "";
        var bundled = BundledDatasetCatalog.Find(registration.Bundled!);
        if (bundled is null)
        {
            error = $"unknown bundled dataset '{registration.Bundled}'; allowed: {string.Join(", ", BundledDatasetCatalog.Names)}";
            return null;
        }

        var mapping = new ColumnMapping(
            registration.SmilesColumn ?? bundled.Mapping.Smiles,
            registration.NameColumn ?? bundled.Mapping.Name,
            registration.ValueColumn ?? bundled.Mapping.Value);
        defaultId = bundled.Name;
        error = null;
        return new DatasetSource(bundled.Name, null, mapping);
    }

    private static DatasetSource? CsvByUrl(DatasetRegistration registration, SourceUrlPolicy urlPolicy, out string defaultId, out string? error)
    {
        defaultId = "";
        if (!urlPolicy.TryValidate(registration.Url!, out var uri, out error))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(registration.SmilesColumn))
        {
            error = "'smilesColumn' is required with 'url'";
            return null;
        }

        defaultId = Path.GetFileNameWithoutExtension(uri!.AbsolutePath).ToLowerInvariant();
        return new DatasetSource(null, uri.AbsoluteUri, new ColumnMapping(registration.SmilesColumn, registration.NameColumn, registration.ValueColumn));
    }

    [GeneratedRegex("^[0-9a-f]{24}$")]
    private static partial Regex UploadIdPattern();

    private static DatasetSource? Upload(DatasetRegistration registration, out string defaultId, out string? error)
    {
        defaultId = "";
        error = null;
        if (!UploadIdPattern().IsMatch(registration.Upload!))
        {
            error = $"'upload' must be an id from POST /api/uploads (24 hex digits), not '{registration.Upload}'";
            return null;
        }

        defaultId = $"upload-{registration.Upload![..8]}";
        var mapping = new ColumnMapping(string.IsNullOrWhiteSpace(registration.SmilesColumn) ? "smiles" : registration.SmilesColumn, registration.NameColumn, registration.ValueColumn);
        // The content's ETag and format are known once the upload is claimed (DatasetService).
        return new DatasetSource(null, null, mapping, Upload: new UploadSource(registration.Upload!, "", "csv"));
    }

    private static DatasetSource? PubChem(PubChemRegistration pubchem, out string defaultId, out string? error)
    {
        defaultId = "";
        bool hasCids = pubchem.Cids is { Count: > 0 };
        if (hasCids == pubchem.Aid is not null)
        {
            error = "'pubchem' needs exactly one of 'cids' (a list of compound ids) or 'aid' (a BioAssay id)";
            return null;
        }

        if (pubchem.Aid is int aid)
        {
            if (aid <= 0 || pubchem.Property is not null)
            {
                error = aid <= 0 ? "'pubchem.aid' must be a positive BioAssay id" : "'pubchem.property' goes with 'cids'; an assay's value is its outcome (1 active, 0 inactive)";
                return null;
            }

            defaultId = $"pubchem-aid-{aid}";
            error = null;
            return new DatasetSource(null, null, Connectors.NormalizedCsv.Mapping, new PubChemQuery(null, aid, null));
        }

        if (pubchem.Cids!.Count > PubChemQuery.MaxCompounds || pubchem.Cids.Any(c => c <= 0))
        {
            error = $"'pubchem.cids' must hold 1-{PubChemQuery.MaxCompounds} positive compound ids";
            return null;
        }

        string property = pubchem.Property ?? "XLogP";
        if (PubChemQuery.Properties.FirstOrDefault(p => string.Equals(p, property, StringComparison.OrdinalIgnoreCase)) is not { } known)
        {
            error = $"unknown PubChem property '{property}'; use one of: {string.Join(", ", PubChemQuery.Properties)}";
            return null;
        }

        defaultId = $"pubchem-{known.ToLowerInvariant()}";
        error = null;
        return new DatasetSource(null, null, Connectors.NormalizedCsv.Mapping, new PubChemQuery(pubchem.Cids.Distinct().Order().ToArray(), null, known));
    }

    private static DatasetSource? Chembl(ChemblRegistration chembl, out string defaultId, out string? error)
    {
        defaultId = "";
        string target = (chembl.Target ?? "").Trim().ToUpperInvariant();
        if (!ChemblId().IsMatch(target))
        {
            error = $"'chembl.target' must be a ChEMBL target id such as CHEMBL203, not '{chembl.Target}'";
            return null;
        }

        string type = chembl.ActivityType ?? "IC50";
        if (ChemblQuery.ActivityTypes.FirstOrDefault(t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase)) is not { } known)
        {
            error = $"unknown activity type '{type}'; use one of: {string.Join(", ", ChemblQuery.ActivityTypes)}";
            return null;
        }

        defaultId = $"{target.ToLowerInvariant()}-{known.ToLowerInvariant()}";
        error = null;
        return new DatasetSource(null, null, Connectors.NormalizedCsv.Mapping, null, new ChemblQuery(target, known));
    }

    [GeneratedRegex("^CHEMBL[0-9]{1,9}$")]
    private static partial Regex ChemblId();
}

/// <summary>A registration that passed validation.</summary>
public sealed record ValidatedRegistration(string Id, string Name, DatasetSource Source, int ChunkSize, PropertyProfile Property);
