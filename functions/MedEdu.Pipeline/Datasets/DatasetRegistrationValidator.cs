using System.Text.RegularExpressions;

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
        if (hasBundled == hasUrl)
        {
            error = "give exactly one of 'bundled' (one of: " + string.Join(", ", BundledDatasetCatalog.Names) + ") or 'url'";
            return null;
        }

        DatasetSource source;
        string defaultId;
        if (hasBundled)
        {
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
            source = new DatasetSource(bundled.Name, null, mapping);
            defaultId = bundled.Name;
        }
        else
        {
            if (!urlPolicy.TryValidate(registration.Url!, out var uri, out error))
            {
                return null;
            }

            if (string.IsNullOrWhiteSpace(registration.SmilesColumn))
            {
                error = "'smilesColumn' is required with 'url'";
                return null;
            }

            source = new DatasetSource(null, uri!.AbsoluteUri, new ColumnMapping(registration.SmilesColumn, registration.NameColumn, registration.ValueColumn));
            defaultId = Path.GetFileNameWithoutExtension(uri.AbsolutePath).ToLowerInvariant();
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

        error = null;
        return new ValidatedRegistration(id, string.IsNullOrWhiteSpace(registration.Name) ? id : registration.Name.Trim(), source, chunkSize);
    }
}

/// <summary>A registration that passed validation.</summary>
public sealed record ValidatedRegistration(string Id, string Name, DatasetSource Source, int ChunkSize);
