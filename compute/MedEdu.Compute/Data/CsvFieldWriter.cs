namespace MedEdu.Compute.Data;

/// <summary>RFC 4180 quoting for one output field: quoted, with quotes doubled, when it holds a comma, quote or line break.</summary>
public static class CsvFieldWriter
{
    /// <summary>The field as it goes into a CSV line.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
