namespace MedEdu.Pipeline.Tests.Infrastructure;

/// <summary>Locates the repository and its build outputs from the test assembly.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding MedEdu.Functions.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Build configuration of the running tests (Debug or Release).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The bundled datasets folder of the repository.</summary>
    public static string Datasets => Path.Combine(Root, "datasets");

    /// <summary>A recorded-format web-service payload under <c>tests/fixtures</c>.</summary>
    public static string Fixture(string relativePath) => Path.Combine(Root, "tests", "fixtures", relativePath);

    /// <summary>The API project's build output, which writes the OpenAPI document (<c>--write-openapi</c>).</summary>
    public static string ApiDll => Path.Combine(Root, "functions", "MedEdu.Api", "bin", Configuration, "net10.0", "MedEdu.Api.dll");

    /// <summary>The built local host assembly.</summary>
    public static string LocalHostDll => Path.Combine(Root, "functions", "MedEdu.LocalHost", "bin", Configuration, "net10.0", "MedEdu.LocalHost.dll");

    /// <summary>Full path of a bundled dataset file.</summary>
    public static string Dataset(string fileName) => Path.Combine(Datasets, fileName);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MedEdu.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MedEdu.Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
