using System.Text.RegularExpressions;
using MedEdu.Api;

namespace MedEdu.Functions.Tests;

/// <summary>The README's route tables against the API's definition, both ways: a route is documented, and a documented route exists.</summary>
public sealed partial class ReadmeRouteTableTests
{
    private static readonly List<string> Documented = ReadDocumented();

    /// <summary>Every route the OpenAPI document describes.</summary>
    public static TheoryData<string> DescribedRoutes => [.. ApiRouteTable.Routes.Where(r => r.Summary is not null).Select(r => $"{r.Method} {Normalize(r.Template)}").Distinct()];

    [Theory]
    [MemberData(nameof(DescribedRoutes))]
    public void EveryDescribedRouteHasARowInTheReadme(string route) =>
        Assert.True(Documented.Contains(route), $"{route} has no row in README.md's route tables");

    [Fact]
    public void EveryRouteInTheReadmeIsInTheApi()
    {
        var defined = ApiRouteTable.Routes.Select(r => $"{r.Method} {Normalize(r.Template)}").ToHashSet();
        Assert.True(Documented.Count >= 30, $"{Documented.Count} routes found in README.md");
        Assert.All(Documented, route => Assert.True(defined.Contains(route), $"README.md documents {route}, which the API does not map"));
    }

    /// <summary>Parameter names differ between prose and code ({v}, {version}): compare the shape; a catch-all tail (app/{*path}) is its folder.</summary>
    private static string Normalize(string template) => Parameter().Replace(CatchAll().Replace(template.Split('?')[0], "").TrimEnd('/'), "{}");

    private static List<string> ReadDocumented()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "MedEdu.Functions.sln")))
        {
            dir = dir.Parent ?? throw new InvalidOperationException("the repository root is not above the test's folder");
        }

        return [.. File.ReadLines(Path.Combine(dir.FullName, "README.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => Row().Match(line))
            .Where(m => m.Success)
            .Select(m => $"{m.Groups[1].Value} {Normalize(m.Groups[2].Value)}")];
    }

    [GeneratedRegex(@"/?\{\*[^}]*\}$")]
    private static partial Regex CatchAll();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^\| `(GET|POST|PUT|PATCH|DELETE) /api/([^` ]*)")]
    private static partial Regex Row();
}
