using System.Text.Json.Serialization;

namespace MedEdu.Compute.Wording;

/// <summary>
/// Words a student reads, kept as a key of the exercise catalog (<c>ExerciseWords.resx</c> and its
/// translations) with its arguments, so each reader gets them in their own language: the key's
/// template is looked up in the reader's culture and the arguments are put into it.
/// </summary>
/// <param name="Key">The template's key; <see cref="JoinKey"/> joins the arguments as the parts of one line.</param>
/// <param name="Args">The arguments, in the template's placeholder order ({0}, {1}, ...).</param>
public sealed record Phrase(string Key, IReadOnlyList<PhraseArg> Args)
{
    /// <summary>The key of a line made of parts, joined by the catalog's separator ("; " in English).</summary>
    public const string JoinKey = "Parts";

    /// <summary>The key of a phrase that is one argument alone (a term, a name).</summary>
    public const string WordsKey = "Words";

    /// <summary>The phrase of <paramref name="key"/> with <paramref name="args"/>.</summary>
    public static Phrase Of(string key, params PhraseArg[] args) => new(key, args);

    /// <summary>One line of several parts, joined by the catalog's separator.</summary>
    public static Phrase Join(IEnumerable<Phrase> parts) => new(JoinKey, [.. parts.Select(p => new PhraseArg(Phrase: p))]);

    /// <summary>The phrase in English (the catalog's neutral language).</summary>
    [JsonIgnore]
    public string English => PhraseRenderer.English.Render(this);

    /// <inheritdoc />
    public override string ToString() => English;
}

/// <summary>
/// One argument of a <see cref="Phrase"/>: exactly one of verbatim text (a compound's name, a
/// symbol, a unit, an alert's name), a term (a property's words, translated where the catalog has
/// them), a number (formatted by the reader's culture) or a nested phrase.
/// </summary>
/// <param name="Text">Shown as it is, in every language.</param>
/// <param name="Term">English words looked up as <c>Term.{words}</c>; shown as they are where no translation exists (a researcher's own dataset).</param>
/// <param name="Number">A number, formatted with <paramref name="Format"/> and the culture's decimal separator.</param>
/// <param name="Format">A .NET numeric format ("0.##", "F2"); "0.##" when null.</param>
/// <param name="Phrase">A phrase inside this one.</param>
public sealed record PhraseArg(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Term = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Number = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Format = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Phrase? Phrase = null)
{
    /// <summary>Verbatim text.</summary>
    public static implicit operator PhraseArg(string text) => new(Text: text);

    /// <summary>A nested phrase.</summary>
    public static implicit operator PhraseArg(Phrase phrase) => new(Phrase: phrase);

    /// <summary>A whole number.</summary>
    public static implicit operator PhraseArg(int number) => new(Number: number, Format: "0");

    /// <summary>A number with a format.</summary>
    public static PhraseArg Of(double number, string format = "0.##") => new(Number: number, Format: format);

    /// <summary>Words of the catalog's terms.</summary>
    public static PhraseArg Words(string english) => new(Term: english);
}
