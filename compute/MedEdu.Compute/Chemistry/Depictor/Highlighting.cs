namespace MedEdu.Compute.Chemistry.Depictor;

/// <summary>A coloured halo behind one atom; <paramref name="Size"/> scales its radius (1 = 0.45 bond lengths).</summary>
/// <param name="Atom">The atom index.</param>
/// <param name="Colour">A CSS colour.</param>
/// <param name="Size">Relative radius, 0.3 to 1.5.</param>
public sealed record AtomHalo(int Atom, string Colour, double Size = 1);

/// <summary>One line of a drawing's legend: a colour swatch and what it means.</summary>
/// <param name="Colour">The swatch colour.</param>
/// <param name="Label">What atoms of that colour have in common.</param>
/// <param name="LabelPhrase">The label as catalog words, so a drawing's legend can be put into the reader's language; null for names (alerts).</param>
public sealed record LegendEntry(string Colour, string Label, Wording.Phrase? LabelPhrase = null)
{
    /// <summary>A legend line in catalog words (its label in English).</summary>
    public static LegendEntry Worded(string colour, Wording.Phrase label) => new(colour, label.English, label);
}

/// <summary>
/// Atoms to highlight in a drawing (halos, and the bonds between two atoms of the same colour) and
/// the legend drawn under it, so a picture explains itself without a caption.
/// </summary>
/// <param name="Halos">The highlighted atoms.</param>
/// <param name="Legend">The legend lines, in order.</param>
public sealed record Highlighting(IReadOnlyList<AtomHalo> Halos, IReadOnlyList<LegendEntry> Legend)
{
    /// <summary>The highlighting with its legend in <paramref name="words"/>' language (names stay as they are).</summary>
    public Highlighting InWords(Wording.PhraseRenderer words) =>
        this with { Legend = [.. Legend.Select(l => l.LabelPhrase is { } p ? l with { Label = words.Render(p) } : l)] };

    /// <summary>A short stable string for cache keys (two drawings with equal keys are identical).</summary>
    public string CacheKey => Convert.ToHexString(System.IO.Hashing.XxHash64.Hash(System.Text.Encoding.UTF8.GetBytes(
        string.Join('|', Halos.Select(h => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{h.Atom}:{h.Colour}:{h.Size:F3}")))
        + "#" + string.Join('|', Legend.Select(l => $"{l.Colour}:{l.Label}")))));
}

/// <summary>Colours that stay distinct for readers with the common colour-vision deficiencies (Okabe and Ito's palette).</summary>
public static class HighlightColours
{
    /// <summary>Blue.</summary>
    public const string Blue = "#0072B2";

    /// <summary>Sky blue.</summary>
    public const string SkyBlue = "#56B4E9";

    /// <summary>Orange.</summary>
    public const string Orange = "#E69F00";

    /// <summary>Vermillion.</summary>
    public const string Vermillion = "#D55E00";

    /// <summary>Bluish green.</summary>
    public const string BluishGreen = "#009E73";
}
