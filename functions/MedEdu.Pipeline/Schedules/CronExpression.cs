using System.Globalization;
using NCrontab;

namespace MedEdu.Pipeline.Schedules;

/// <summary>
/// An NCRONTAB expression as Azure Functions timer triggers take it: six fields,
/// <c>second minute hour day month day-of-week</c> (e.g. <c>0 0 3 * * MON</c> = Mondays at 03:00 UTC),
/// parsed and stepped by NCrontab, the timer trigger's own library. Each field takes <c>*</c>,
/// numbers, ranges <c>a-b</c>, lists <c>a,b</c> and steps <c>*/n</c> or <c>a-b/n</c>; months and days
/// take names (JAN, MON). Day-of-week runs 0-6 from Sunday (7 is Sunday too). When both day fields
/// are restricted a day must match both. Times are UTC.
/// </summary>
public sealed class CronExpression
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };
    private static readonly string[] FieldNames = ["second", "minute", "hour", "day", "month", "day-of-week"];

    private readonly CrontabSchedule _schedule;

    private CronExpression(string text, CrontabSchedule schedule)
    {
        Text = text;
        _schedule = schedule;
    }

    /// <summary>The expression as given (trimmed).</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; null with <paramref name="error"/> naming the bad field.</summary>
    public static CronExpression? TryParse(string? text, out string? error)
    {
        string[] parts = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
        {
            error = $"'{text}' has {parts.Length} fields; NCRONTAB needs 6: second minute hour day month day-of-week (e.g. '0 0 3 * * MON')";
            return null;
        }

        string given = string.Join(' ', parts);
        parts[5] = SundayAsZero(parts[5]);
        for (int f = 0; f < 6; f++)
        {
            // NCrontab names the field but not the expression's part; it also takes a step of 0 and
            // a backwards range (as a wrap-around), which a person means neither way: both refused here.
            error = RefusedShape(parts[f]) ?? Refusal(f, parts);
            if (error is not null)
            {
                error = $"{FieldNames[f]} field '{parts[f]}': {error}";
                return null;
            }
        }

        error = null;
        return new CronExpression(given, CrontabSchedule.Parse(string.Join(' ', parts), WithSeconds));
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC; null if none within five years.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after)
    {
        var start = after.UtcDateTime;
        var end = start.AddYears(5);
        DateTime next;
        try
        {
            next = _schedule.GetNextOccurrence(start, end);
        }
        catch (ArgumentOutOfRangeException)
        {
            // NCrontab 3.3 runs past year 9999 looking for a date that never comes (31 FEB).
            return null;
        }

        return next >= end ? null : new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>NCrontab takes day-of-week 0-6; 7, Sunday in many crons, becomes 0 (alone or as a range's end).</summary>
    private static string SundayAsZero(string field) =>
        string.Join(',', field.Split(',').Select(item => item switch
        {
            "7" => "0",
            _ when item.EndsWith("-7", StringComparison.Ordinal) && !item.Contains('/', StringComparison.Ordinal) => item[..^2] + "-6,0",
            _ => item,
        }));

    private static string? RefusedShape(string field)
    {
        foreach (string item in field.Split(','))
        {
            int slash = item.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0 && (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int step) || step < 1))
            {
                return $"step '{item[(slash + 1)..]}' is not a positive number";
            }

            string range = slash >= 0 ? item[..slash] : item;
            int dash = range.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0
                && int.TryParse(range[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out int low)
                && int.TryParse(range[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int high)
                && low > high)
            {
                return $"range '{range}' runs backwards";
            }
        }

        return null;
    }

    /// <summary>NCrontab's reason for refusing field <paramref name="f"/>, parsed alone among wildcards; null when it parses.</summary>
    private static string? Refusal(int f, string[] parts)
    {
        string[] probe = ["*", "*", "*", "*", "*", "*"];
        probe[f] = parts[f];
        try
        {
            CrontabSchedule.Parse(string.Join(' ', probe), WithSeconds);
            return null;
        }
        catch (CrontabException e)
        {
            return e.Message;
        }
    }
}
