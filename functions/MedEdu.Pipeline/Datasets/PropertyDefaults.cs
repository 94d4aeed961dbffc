using MedEdu.Compute.Exercises;

namespace MedEdu.Pipeline.Datasets;

/// <summary>
/// What a dataset's value means when the instructor did not say: the bundled datasets' published
/// words and experimental errors, and sensible words for each kind of source.
/// </summary>
public static class PropertyDefaults
{
    /// <summary>pChEMBL values from different laboratories differ by about 0.5 log units (Kramer et al., J. Med. Chem. 2012, 55, 5165).</summary>
    public const double ChemblError = 0.5;

    /// <summary>The profile a dataset from <paramref name="source"/> gets by default.</summary>
    public static PropertyProfile For(DatasetSource source)
    {
        if (source.Bundled is { } name && BundledDatasetCatalog.Find(name) is { } bundled)
        {
            return bundled.Property;
        }

        if (source.PubChem is { Aid: not null })
        {
            return new PropertyProfile("activity in the assay", ExperimentalError: 0, Positive: "is active in the assay", Negative: "is inactive in the assay");
        }

        if (source.PubChem is { Property: { } computed })
        {
            // Computed by one method, so every difference is real; an instructor may still set an error.
            return new PropertyProfile($"{computed} (computed by PubChem)", computed, null, 0);
        }

        if (source.Chembl is { } chembl)
        {
            return new PropertyProfile($"potency against {chembl.Target} (pChEMBL from {chembl.ActivityType})", "pChEMBL", null, ChemblError);
        }

        return string.IsNullOrWhiteSpace(source.Mapping.Value) ? PropertyProfile.Unnamed : PropertyProfile.Unnamed with { Name = source.Mapping.Value };
    }
}
