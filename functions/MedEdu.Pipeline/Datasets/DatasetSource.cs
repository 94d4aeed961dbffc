namespace MedEdu.Pipeline.Datasets;

/// <summary>Where a dataset's raw CSV comes from: a bundled file or a URL.</summary>
/// <param name="Bundled">Name of a bundled dataset, or null.</param>
/// <param name="Url">Absolute http(s) URL of a CSV file, or null.</param>
/// <param name="Mapping">Column mapping used to read the CSV.</param>
public sealed record DatasetSource(string? Bundled, string? Url, ColumnMapping Mapping)
{
    /// <summary>A short human description, e.g. <c>bundled:esol</c> or the URL.</summary>
    public string Describe() => Bundled is not null ? $"bundled:{Bundled}" : Url ?? "(none)";
}
