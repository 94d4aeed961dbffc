using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MedEdu.Compute.Campaigns;
using MedEdu.Compute.Exercises;
using MedEdu.Compute.Tests.Exercises;
using MedEdu.Compute.Wording;

namespace MedEdu.Compute.Tests.Wording;

/// <summary>
/// The words of exercises exist in every offered language: each English template of the exercise
/// catalog is translated (or marked "kept:" with a reason) with the same placeholders, every key the
/// code names exists, and a generated exercise and its feedback read in Spanish and Arabic with no
/// English template left and numbers in the language's own form.
/// </summary>
public sealed partial class ExerciseWordsTests
{
    private static readonly string Folder = Path.Combine(Root(), "compute/MedEdu.Compute/Wording");

    public static TheoryData<string> Translations => ["es", "ar"];

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_template_is_translated_with_the_same_placeholders(string language)
    {
        var english = Read("ExerciseWords.resx");
        var translated = Read($"ExerciseWords.{language}.resx");
        Assert.True(english.Count >= 90, $"{english.Count} English templates");
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
        Assert.All(english, e =>
        {
            var (text, comment) = translated[e.Key];
            Assert.False(string.IsNullOrEmpty(text), $"{language} {e.Key} is empty");
            Assert.True(text != e.Value.Text || comment.StartsWith("kept", StringComparison.Ordinal) || e.Key.StartsWith("Separator", StringComparison.Ordinal) || e.Key.StartsWith("Number", StringComparison.Ordinal),
                $"{language} {e.Key} is the English text without a 'kept:' reason");
            Assert.Equal(Placeholders(e.Value.Text), Placeholders(text));
        });
    }

    [Fact]
    public void Every_key_the_code_names_has_a_template()
    {
        var english = Read("ExerciseWords.resx");
        var named = Directory.EnumerateFiles(Path.Combine(Root(), "compute/MedEdu.Compute"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.Contains("Prompt.Hunt", named);
        Assert.True(named.Count >= 60, $"{named.Count} keys named");
        Assert.All(named, key => Assert.True(english.ContainsKey(key), $"the code names '{key}', which ExerciseWords.resx lacks"));
    }

    [Theory]
    [InlineData("es", "Ordena estos", "log S ", ",")]
    [InlineData("ar", "رتّب هذه المركبات", "log S ", ".")]
    public void A_ranking_and_its_feedback_read_in_the_language(string language, string opening, string symbol, string decimalSeparator)
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.PropertyRanking, ExercisePools.Esol, seed: 3, difficulty: 1, ExercisePools.Solubility);
        var feedback = ExerciseScorer.Score(exercise, key, [.. exercise.Candidates.Select(c => c.Id)]);
        var words = PhraseRenderer.InCulture(CultureInfo.GetCultureInfo(language));

        string prompt = words.Render(exercise.PromptPhrase!);
        Assert.StartsWith(opening, prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("compounds", prompt, StringComparison.Ordinal);
        Assert.Contains($"0{decimalSeparator}5 log(mol/L)", prompt, StringComparison.Ordinal);

        var lines = feedback.ExplanationPhrases!.Select(words.Render).ToList();
        Assert.Equal(feedback.Explanations.Count, lines.Count);
        Assert.All(lines, line => Assert.Contains(symbol, line, StringComparison.Ordinal));
        Assert.All(lines, line => Assert.DoesNotContain("measured", line, StringComparison.Ordinal));
        Assert.DoesNotContain("Spearman rank correlation", words.Render(feedback.MeasurePhrase!), StringComparison.Ordinal);

        // The measured value of the first compound, as ESOL has it, in the language's number form.
        var first = key.Facts[key.Truth[0]].Measured!.Value.ToString("0.##", CultureInfo.InvariantCulture).Replace(".", decimalSeparator, StringComparison.Ordinal);
        Assert.Contains(first, lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es", "atraviesa la barrera hematoencefálica", "dijiste")]
    [InlineData("ar", "يعبر الحاجز الدموي الدماغي", "قلتَ")]
    public void A_classification_names_the_label_in_the_language(string language, string label, string said)
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.Classify, ExercisePools.Bbbp, seed: 5, difficulty: 1, ExercisePools.Bbb);
        var feedback = ExerciseScorer.Score(exercise, key, [exercise.Candidates[0].Id]);
        var words = PhraseRenderer.InCulture(CultureInfo.GetCultureInfo(language));

        Assert.Contains(label, words.Render(exercise.PromptPhrase!), StringComparison.Ordinal);
        Assert.Equal(label, words.Render(exercise.LabelPhrase!));
        Assert.All(feedback.ExplanationPhrases!.Select(words.Render), line => Assert.Contains(said, line, StringComparison.Ordinal));
    }

    [Fact]
    public void English_phrases_are_the_words_stored_beside_them()
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.RuleCheck, ExercisePools.Esol, seed: 2, difficulty: 2, ExercisePools.Solubility);
        var feedback = ExerciseScorer.Score(exercise, key, []);

        Assert.StartsWith("Flag every compound that breaks Lipinski's rule of five", exercise.Prompt, StringComparison.Ordinal);
        Assert.Equal(feedback.Explanations, feedback.ExplanationPhrases!.Select(p => p.English));
        Assert.Contains(feedback.Explanations, e => e.EndsWith(": passes both rules", StringComparison.Ordinal));
        Assert.Contains(feedback.Explanations, e => GreaterThan().IsMatch(e));
    }

    [Fact]
    public void A_term_the_catalog_lacks_stays_as_the_researcher_wrote_it()
    {
        var profile = new PropertyProfile("potency against EGFR (pChEMBL from IC50)", "pChEMBL", null, 0.5);
        var words = PhraseRenderer.InCulture(CultureInfo.GetCultureInfo("es"));

        Assert.Equal("pChEMBL 7,25 (medido)", words.Render(profile.Measured(7.25, binary: false)));
        Assert.Equal("la potency against EGFR (pChEMBL from IC50) más alta", words.Render(Phrase.Of("Campaign.TargetHighest", profile.NameWords)));
    }

    private static Dictionary<string, (string Text, string Comment)> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => ((string)d.Element("value")!, (string?)d.Element("comment") ?? ""));

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MedEdu.Functions.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MedEdu.Functions.sln not found above the test binaries");
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"Phrase\.Of\(\s*(?:\w+\s*\?\s*)?""([A-Z][\w.]+)""")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex(@"(MW|TPSA) \d+ > (500|140)|rotatable bonds > 10")]
    private static partial Regex GreaterThan();
}
