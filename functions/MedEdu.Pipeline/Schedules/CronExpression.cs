using System.Globalization;

namespace MedEdu.Pipeline.Schedules;

/// <summary>
/// An NCRONTAB expression as Azure Functions timer triggers take it: six fields,
/// <c>second minute hour day month day-of-week</c> (e.g. <c>0 0 3 * * MON</c> = Mondays at 03:00 UTC).
/// Each field takes <c>*</c>, numbers, ranges <c>a-b</c>, lists <c>a,b</c> and steps <c>*/n</c> or <c>a-b/n</c>;
/// months and days take names (JAN, MON). Day-of-week runs 0-6 from Sunday (7 is Sunday too).
/// When both day fields are restricted a day must match both. Times are UTC.
/// </summary>
public sealed class CronExpression
{
    private static readonly (string Name, int Min, int Max, string[]? Names)[] Fields =
    [
        ("second", 0, 59, null),
        ("minute", 0, 59, null),
        ("hour", 0, 23, null),
        ("day", 1, 31, null),
        ("month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        ("day-of-week", 0, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    private readonly bool[][] _allowed;

    private CronExpression(string text, bool[][] allowed)
    {
        Text = text;
        _allowed = allowed;
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

        var allowed = new bool[6][];
        for (int f = 0; f < 6; f++)
        {
            allowed[f] = ParseField(parts[f], Fields[f], out error)!;
            if (allowed[f] is null)
            {
                return null;
            }
        }

        if (allowed[5][7])
        {
            allowed[5][0] = true; // 7 is Sunday as well
        }

        error = null;
        return new CronExpression(string.Join(' ', parts), allowed);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC; null if none within five years.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after)
    {
        var start = after.ToUniversalTime();
        var t = new DateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, start.Second, DateTimeKind.Utc).AddSeconds(1);
        var day = t.Date;
        for (int i = 0; i < 366 * 5; i++, day = day.AddDays(1))
        {
            if (!_allowed[4][day.Month] || !_allowed[3][day.Day] || !_allowed[5][(int)day.DayOfWeek])
            {
                continue;
            }

            // Earliest allowed time on this day, at or after t when this is t's day.
            int fromSecond = day == t.Date ? (int)(t - day).TotalSeconds : 0;
            for (int hour = fromSecond / 3600; hour < 24; hour++)
            {
                if (!_allowed[2][hour])
                {
                    continue;
                }

                for (int minute = 0; minute < 60; minute++)
                {
                    if (!_allowed[1][minute] || (hour * 3600) + (minute * 60) + 59 < fromSecond)
                    {
                        continue;
                    }

                    for (int second = 0; second < 60; second++)
                    {
                        int at = (hour * 3600) + (minute * 60) + second;
                        if (_allowed[0][second] && at >= fromSecond)
                        {
                            return new DateTimeOffset(day.AddSeconds(at), TimeSpan.Zero);
                        }
                    }
                }
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static bool[]? ParseField(string field, (string Name, int Min, int Max, string[]? Names) spec, out string? error)
    {
        var allowed = new bool[spec.Max + 1];
        foreach (string item in field.Split(','))
        {
            string range = item;
            int step = 1;
            int slash = item.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                if (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)
                {
                    error = $"{spec.Name} field '{field}': step '{item[(slash + 1)..]}' is not a positive number";
                    return null;
                }

                range = item[..slash];
            }

            int low, high;
            if (range == "*")
            {
                (low, high) = (spec.Min, spec.Name == "day-of-week" ? 6 : spec.Max);
            }
            else
            {
                int dash = range.IndexOf('-', StringComparison.Ordinal);
                if (!TryValue(dash < 0 ? range : range[..dash], spec, out low) || !TryValue(dash < 0 ? range : range[(dash + 1)..], spec, out high))
                {
                    error = $"{spec.Name} field '{field}': '{range}' is not a number or range from {spec.Min} to {spec.Max}";
                    return null;
                }

                if (dash < 0 && slash >= 0)
                {
                    high = spec.Max; // "a/n" means every n-th from a
                }

                if (low > high)
                {
                    error = $"{spec.Name} field '{field}': range '{range}' runs backwards";
                    return null;
                }
            }

            for (int v = low; v <= high; v += step)
            {
                allowed[v] = true;
            }
        }

        error = null;
        return allowed;
    }

    private static bool TryValue(string text, (string Name, int Min, int Max, string[]? Names) spec, out int value)
    {
        if (spec.Names is { } names && Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is int index and >= 0)
        {
            value = index + spec.Min;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= spec.Min && value <= spec.Max;
    }
}
