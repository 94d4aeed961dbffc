using System.Globalization;
using System.Resources;
using System.Text;

namespace MedEdu.Compute.Wording;

/// <summary>
/// Puts a <see cref="Phrase"/> into words: each key's template from a catalog (the exercise
/// catalog's resources in a culture, or the API's string localizer), numbers with the catalog's
/// own decimal separator (<c>Number.Decimal</c>), so no value depends on the machine's locale.
/// A key the catalog lacks falls back to English; a term it lacks stays as it is.
/// </summary>
/// <param name="template">The catalog: a key's template, or null when it has none.</param>
public sealed class PhraseRenderer(Func<string, string?> template)
{
    private static readonly ResourceManager Catalog = new(ExerciseWords.BaseName, typeof(ExerciseWords).Assembly);

    /// <summary>The English catalog (the neutral resources).</summary>
    public static PhraseRenderer English { get; } = InCulture(CultureInfo.InvariantCulture);

    /// <summary>The exercise catalog in <paramref name="culture"/> (English where it has no translation).</summary>
    public static PhraseRenderer InCulture(CultureInfo culture) => new(key => Catalog.GetString(key, culture));

    /// <summary>The phrase in this catalog's words.</summary>
    public string Render(Phrase phrase)
    {
        if (phrase.Key == Phrase.JoinKey)
        {
            return string.Join(Template("Separator.Parts"), phrase.Args.Select(Render));
        }

        var args = phrase.Args.Select(Render).ToArray<object>();
        return string.Format(CultureInfo.InvariantCulture, Template(phrase.Key), args);
    }

    /// <summary>One argument in this catalog's words.</summary>
    public string Render(PhraseArg arg) =>
        arg.Phrase is { } nested ? Render(nested)
        : arg.Term is { } term ? template($"Term.{term}") ?? term
        : arg.Number is double number ? Number(number, arg.Format ?? "0.##")
        : arg.Text ?? "";

    private string Number(double value, string format)
    {
        string invariant = value.ToString(format, CultureInfo.InvariantCulture);
        string separator = template("Number.Decimal") ?? ".";
        return separator == "." ? invariant : new StringBuilder(invariant).Replace(".", separator).ToString();
    }

    private string Template(string key) =>
        template(key) ?? English.TemplateOrNull(key) ?? throw new KeyNotFoundException($"the exercise catalog has no '{key}'");

    private string? TemplateOrNull(string key) => template(key);
}
