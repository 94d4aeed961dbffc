namespace MedEdu.Pipeline.Classes;

/// <summary>The languages a class's students may read MedEdu in: English, Spanish and Arabic (right to left).</summary>
public static class ClassLanguages
{
    /// <summary>The offered languages' codes; the first is the default.</summary>
    public static IReadOnlyList<string> Offered { get; } = ["en", "es", "ar"];
}
