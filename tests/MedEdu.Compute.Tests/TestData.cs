namespace MedEdu.Compute.Tests;

/// <summary>Where the real datasets are: the repository's bundled copies of shared/datasets.</summary>
public static class TestData
{
    /// <summary>The repository's <c>datasets/</c> folder.</summary>
    public static string DatasetsFolder { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "datasets");
            if (File.Exists(Path.Combine(dir.FullName, "MedEdu.Functions.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("datasets/ not found above " + AppContext.BaseDirectory);
    }
}
