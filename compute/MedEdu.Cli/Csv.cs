namespace MedEdu.Cli;

/// <summary>RFC 4180 quoting for output fields.</summary>
internal static class Csv
{
    public static string Field(string value) => Compute.Data.CsvFieldWriter.Field(value);
}
