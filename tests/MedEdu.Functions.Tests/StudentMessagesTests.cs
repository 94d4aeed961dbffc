using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MedEdu.Api.Localization;
using MedEdu.Compute.Exercises;
using MedEdu.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace MedEdu.Functions.Tests;

/// <summary>
/// The API's words a student reads exist in every offered language: each key of the English
/// resources is in the Spanish and Arabic ones, translated (not the English text) with the same
/// placeholders; every key the code names exists; and a refusal reads in the request's language.
/// </summary>
public sealed partial class StudentMessagesTests
{
    private static readonly string Folder = Path.Combine(Root(), "functions/MedEdu.Api/Localization");

    public static TheoryData<string> Translations => ["es", "ar"];

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_english_message_is_translated_with_the_same_placeholders(string language)
    {
        var english = Read("StudentMessages.resx");
        var translated = Read($"StudentMessages.{language}.resx");
        Assert.True(english.Count >= 15, $"{english.Count} English messages");
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
        Assert.All(english, e =>
        {
            string t = translated[e.Key];
            Assert.False(string.IsNullOrWhiteSpace(t), $"{language} {e.Key} is empty");
            Assert.NotEqual(e.Value, t);
            Assert.Equal(Placeholders(e.Value), Placeholders(t));
        });
    }

    [Fact]
    public void Every_key_the_code_names_has_a_message()
    {
        var english = Read("StudentMessages.resx");
        var named = Directory.EnumerateFiles(Path.Combine(Root(), "functions"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyLiteral().Matches(File.ReadAllText(f)).SelectMany(m => m.Groups.Values.Skip(1).Where(g => g.Success).Select(g => g.Value)))
            .Concat(Enum.GetNames<AnswerProblem>().Select(p => $"Answer{p}"))
            .Concat(new[] { DomainError.Invalid, DomainError.NotFound, DomainError.Conflict, DomainError.NotAllowed }.Select(e => $"Title{e}"))
            .Distinct().ToList();
        Assert.Contains("JoinDraft", named);
        Assert.All(named, key => Assert.True(english.ContainsKey(key), $"the code names '{key}', which StudentMessages.resx lacks"));
    }

    [Theory]
    [InlineData("es-ES,es;q=0.9,en;q=0.5", "ninguna clase tiene ese código", "No encontrado")]
    [InlineData("ar", "لا يوجد صف بهذا الرمز", "غير موجود")]
    [InlineData("fr-FR, de;q=0.8", "no class has that code", "Not found")]
    [InlineData("", "no class has that code", "Not found")]
    public async Task A_refusal_reads_in_the_language_the_request_asks_for(string acceptLanguage, string detail, string title)
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().AddSingleton<StudentMessages>().BuildServiceProvider();
        var words = services.GetRequiredService<StudentMessages>();
        var request = new DefaultHttpContext().Request;
        request.Headers.AcceptLanguage = acceptLanguage;
        var before = CultureInfo.CurrentUICulture;

        var result = await words.InCultureOfAsync(request, () => throw new Pipeline.Classes.ClassException(DomainError.NotFound, "no class has that code") { Key = "JoinNoClass" });

        Assert.Equal(StatusCodes.Status404NotFound, result.StatusCode);
        var problem = Assert.IsType<MedEdu.Api.Http.Problem>(result.Body);
        Assert.Equal(detail, problem.Detail);
        Assert.Equal(title, problem.Title);
        Assert.Equal(before, CultureInfo.CurrentUICulture);
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "MedEdu.Functions.sln")))
        {
            dir = dir.Parent ?? throw new InvalidOperationException("the repository root is not above the test's folder");
        }

        return dir.FullName;
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\bKey = ""(\w+)""|words\.Problem\([^,]+, ""(\w+)"", ""(\w+)""")]
    private static partial Regex KeyLiteral();
}
