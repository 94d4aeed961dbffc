namespace MedEdu.Compute.Chemistry.Depictor;

/// <summary>How aromatic rings are drawn.</summary>
public enum AromaticStyle
{
    /// <summary>Alternating single and double bonds (one Kekulé structure).</summary>
    Kekule,

    /// <summary>Single bonds with a circle inside each aromatic ring.</summary>
    Circles,
}

/// <summary>Options of <see cref="SvgDepictor"/>.</summary>
public sealed record DepictionOptions
{
    /// <summary>Length of a bond in pixels (before fitting into <see cref="Width"/>/<see cref="Height"/>).</summary>
    public double BondLength { get; init; } = 32;

    /// <summary>Image width in pixels; 0 sizes the image to the drawing.</summary>
    public int Width { get; init; }

    /// <summary>Image height in pixels; 0 sizes the image to the drawing.</summary>
    public int Height { get; init; }

    /// <summary>Margin around the drawing, in pixels.</summary>
    public double Padding { get; init; } = 14;

    /// <summary>Aromatic rings as Kekulé structures (default) or circles.</summary>
    public AromaticStyle Aromatic { get; init; } = AromaticStyle.Kekule;

    /// <summary>Text for the image's accessible name (<c>&lt;title&gt;</c>); the SMILES when null.</summary>
    public string? Title { get; init; }

    /// <summary>Atoms to highlight and the legend that explains them; null draws the plain structure.</summary>
    public Highlighting? Highlight { get; init; }

    /// <summary>Changes whenever the drawings change (2: stereo wedges, cis/trans as written), so cached drawings of an older depictor are not served.</summary>
    public const int DrawingRevision = 2;

    /// <summary>The options (and the drawing revision) as a short stable string, for cache keys.</summary>
    public string CacheKey => $"r{DrawingRevision}b{BondLength}w{Width}h{Height}p{Padding}a{Aromatic}" + (Highlight is null ? "" : $"h{Highlight.CacheKey}");
}
