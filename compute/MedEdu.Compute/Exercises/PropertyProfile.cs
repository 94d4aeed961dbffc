using System.Text.Json.Serialization;
using MedEdu.Compute.Wording;

namespace MedEdu.Compute.Exercises;

/// <summary>
/// What a dataset's measured value is, in the words students read: its name, symbol and unit,
/// the experimental error below which two values cannot be told apart, and, for 0/1 labels,
/// what 1 and 0 mean.
/// </summary>
/// <param name="Name">The property in words, e.g. "aqueous solubility".</param>
/// <param name="Symbol">A short symbol shown before values, e.g. "log S"; the name when null.</param>
/// <param name="Unit">The unit shown after values, e.g. "log(mol/L)"; none when null.</param>
/// <param name="ExperimentalError">
/// Two measured values closer than this are treated as equal: rankings never ask students to order
/// them, and scoring never counts their order. In the value's own unit.
/// </param>
/// <param name="Positive">For 0/1 labels: what 1 means ("crosses the blood-brain barrier").</param>
/// <param name="Negative">For 0/1 labels: what 0 means ("does not cross the blood-brain barrier").</param>
public sealed record PropertyProfile(string Name, string? Symbol = null, string? Unit = null, double ExperimentalError = 0, string? Positive = null, string? Negative = null)
{
    /// <summary>Default error for a registered continuous dataset that names none: typical of log-unit assays (solubility, pChEMBL).</summary>
    public const double DefaultExperimentalError = 0.5;

    /// <summary>A property nobody described: generic words, the default error.</summary>
    public static PropertyProfile Unnamed { get; } = new("the measured property", ExperimentalError: DefaultExperimentalError);

    /// <summary>What a measured 1 means ("active" when not described).</summary>
    public string PositiveLabel => Positive ?? "active";

    /// <summary>What a measured 0 means ("inactive" when not described).</summary>
    public string NegativeLabel => Negative ?? "inactive";

    /// <summary>The property's name as a catalog term (translated where the catalog knows it).</summary>
    [JsonIgnore]
    public PhraseArg NameWords => PhraseArg.Words(Name);

    /// <summary>What a measured 1 means, as a catalog term.</summary>
    [JsonIgnore]
    public PhraseArg PositiveWords => PhraseArg.Words(PositiveLabel);

    /// <summary>What a measured 0 means, as a catalog term.</summary>
    [JsonIgnore]
    public PhraseArg NegativeWords => PhraseArg.Words(NegativeLabel);

    /// <summary>A measured value in words: "log S -2.31 log(mol/L)", or "crosses the blood-brain barrier: yes".</summary>
    public string DescribeMeasured(double value, bool binary) => Measured(value, binary).English;

    /// <summary>A measured value as a phrase ("{value} (measured)", or "{label}: yes (measured)").</summary>
    public Phrase Measured(double value, bool binary) =>
        binary ? Phrase.Of("Measured.Label", PositiveWords, Phrase.Of(value >= 0.5 ? "Yes" : "No")) : Phrase.Of("Measured.Value", Value(value));

    /// <summary>A prediction in words: "model: 99.7% likely", or "model: log S -2.10 log(mol/L)".</summary>
    public string DescribePredicted(double value, bool binary) => Predicted(value, binary).English;

    /// <summary>A prediction as a phrase.</summary>
    public Phrase Predicted(double value, bool binary) =>
        binary ? Phrase.Of("Predicted.Likely", Percent(value)) : Phrase.Of("Predicted.Value", Value(value));

    /// <summary>A value with its symbol and unit.</summary>
    public string ValueText(double value) => Value(value).English;

    /// <summary>A value with its symbol (the name when none) and unit, as a phrase.</summary>
    public Phrase Value(double value)
    {
        PhraseArg symbol = Symbol is null ? NameWords : Symbol;
        return Unit is null ? Phrase.Of("Value", symbol, PhraseArg.Of(value)) : Phrase.Of("Value.Unit", symbol, PhraseArg.Of(value), Unit);
    }

    /// <summary>The experimental error with its unit, for prompts and feedback.</summary>
    public string ErrorText => AmountText(ExperimentalError);

    /// <summary>A difference of values (a gap, a distance) with its unit: "1.5 log(mol/L)".</summary>
    public string AmountText(double amount) => Render(Amount(amount));

    /// <summary>A difference of values with its unit, as a phrase argument.</summary>
    public PhraseArg Amount(double amount) => Unit is null ? PhraseArg.Of(amount) : Phrase.Of("Amount.Unit", PhraseArg.Of(amount), Unit);

    /// <summary>A probability as a percentage ("99.7%").</summary>
    public static Phrase Percent(double probability) => Phrase.Of("Percent", PhraseArg.Of(Math.Clamp(probability, 0, 1) * 100, "0.#"));

    private static string Render(PhraseArg arg) => PhraseRenderer.English.Render(arg);
}
