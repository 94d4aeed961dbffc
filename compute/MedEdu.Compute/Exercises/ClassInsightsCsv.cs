using System.Globalization;
using System.Text;
using MedEdu.Compute.Data;

namespace MedEdu.Compute.Exercises;

/// <summary>The insights' figures as CSV: four tables one after another, each with its header, separated by an empty line.</summary>
public static class ClassInsightsCsv
{
    /// <summary>The report as CSV.</summary>
    public static string Write(ClassInsightsReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("kind,difficulty,attempts,mean,spread,min,max,model_mean\n");
        foreach (var k in report.ByKindAndLevel)
        {
            sb.Append(c, $"{k.Kind},{k.Difficulty},{k.Attempts},{k.Mean.ToString(c)},{k.Spread.ToString(c)},{k.Min.ToString(c)},{k.Max.ToString(c)},{k.ModelMean?.ToString(c)}\n");
        }

        sb.Append("\ncompound_id,name,exercise_id,kind,misjudged,seen_by,model_misjudged\n");
        foreach (var m in report.Misjudged)
        {
            sb.Append(c, $"{CsvFieldWriter.Field(m.CompoundId)},{CsvFieldWriter.Field(m.Name)},{m.ExerciseId},{m.Kind},{m.Misjudged},{m.SeenBy},{(m.ModelMisjudged ? "yes" : "no")}\n");
        }

        sb.Append("\ndisplay_name,earlier_mean,recent_mean,attempts\n");
        foreach (var f in report.Falling)
        {
            sb.Append(c, $"{CsvFieldWriter.Field(f.DisplayName)},{f.EarlierMean.ToString(c)},{f.RecentMean.ToString(c)},{f.Attempts}\n");
        }

        sb.Append("\nday,attempts,mean\n");
        foreach (var p in report.Progress)
        {
            sb.Append(c, $"{p.Day:yyyy-MM-dd},{p.Attempts},{p.Mean.ToString(c)}\n");
        }

        return sb.ToString();
    }
}
