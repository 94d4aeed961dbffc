using System.Globalization;
using System.Text;
using MedEdu.Compute.Data;

namespace MedEdu.Compute.Exercises;

/// <summary>The insights' figures as CSV: six tables one after another (the last two: the student model's mastery heat map and early warnings), each with its header, separated by an empty line.</summary>
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

        sb.Append("\ndisplay_name,skill_id,skill,mastery,low,high,answers\n");
        foreach (var m in report.Mastery ?? [])
        {
            sb.Append(c, $"{CsvFieldWriter.Field(m.DisplayName)},{m.SkillId},{CsvFieldWriter.Field(m.Skill)},{m.Mastery.ToString(c)},{m.Low.ToString(c)},{m.High.ToString(c)},{m.Answers}\n");
        }

        sb.Append("\ndisplay_name,predicted_right,answers,skills\n");
        foreach (var r in report.AtRisk ?? [])
        {
            sb.Append(c, $"{CsvFieldWriter.Field(r.DisplayName)},{r.PredictedRight.ToString(c)},{r.Answers},{CsvFieldWriter.Field(string.Join("; ", r.Skills))}\n");
        }

        return sb.ToString();
    }
}
