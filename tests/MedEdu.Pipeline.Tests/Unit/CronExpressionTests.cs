using MedEdu.Pipeline.Schedules;

namespace MedEdu.Pipeline.Tests.Unit;

/// <summary>NCRONTAB parsing (NCrontab, with MedEdu's field-naming messages) and next occurrences, checked against hand-worked calendars (2026-11-25 is a Wednesday).</summary>
public sealed class CronExpressionTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 10, 17, 42, TimeSpan.Zero);

    [Theory]
    [InlineData("0 0 3 * * MON", "2026-11-30T03:00:00")]       // next Monday 03:00
    [InlineData("0 0 3 * * 3", "2026-12-02T03:00:00")]         // Wednesday, but 03:00 has passed today
    [InlineData("0 15 10 * * *", "2026-11-26T10:15:00")]       // 10:15 passed today
    [InlineData("0 30 10 * * *", "2026-11-25T10:30:00")]
    [InlineData("*/15 * * * * *", "2026-11-25T10:17:45")]
    [InlineData("0 */5 * * * *", "2026-11-25T10:20:00")]
    [InlineData("0 0 0 1 JAN *", "2027-01-01T00:00:00")]
    [InlineData("0 0 9-17/4 * * MON-FRI", "2026-11-25T13:00:00")] // 9, 13, 17 on weekdays
    [InlineData("0 0 12 29 FEB *", "2028-02-29T12:00:00")]      // the next leap day
    [InlineData("0 0 0 * * 7", "2026-11-29T00:00:00")]          // 7 is Sunday too
    [InlineData("5,10 0 0 * DEC *", "2026-12-01T00:00:05")]
    [InlineData("0 0 0 * * 5-7", "2026-11-27T00:00:00")]       // Friday to Sunday, 7 as the range's end
    [InlineData("5/10 * * * * *", "2026-11-25T10:17:45")]      // every 10th second from 5
    [InlineData("0 0 0 15 * MON", "2027-02-15T00:00:00")]      // both day fields: a Monday the 15th
    public void NextOccurrenceIsTheFirstMatchingSecondAfterTheGivenTime(string cron, string expected)
    {
        var expression = CronExpression.TryParse(cron, out var error);
        Assert.Null(error);
        Assert.Equal(DateTimeOffset.Parse(expected + "Z", System.Globalization.CultureInfo.InvariantCulture), expression!.NextAfter(Wednesday));
    }

    [Fact]
    public void AnOccurrenceExactlyAtTheGivenTimeIsNotRepeated()
    {
        var everyMinute = CronExpression.TryParse("0 * * * * *", out _)!;
        var at = new DateTimeOffset(2026, 11, 25, 10, 17, 0, TimeSpan.Zero);
        Assert.Equal(at.AddMinutes(1), everyMinute.NextAfter(at));
    }

    [Fact]
    public void ImpossibleDatesHaveNoOccurrence() =>
        Assert.Null(CronExpression.TryParse("0 0 0 31 FEB *", out _)!.NextAfter(Wednesday));

    [Theory]
    [InlineData("0 3 * * MON", "needs 6")]
    [InlineData("", "has 0 fields")]
    [InlineData("60 * * * * *", "second field '60': 60 is higher than the maximum allowable value")]
    [InlineData("0 0 24 * * *", "hour field '24'")]
    [InlineData("0 0 0 0 * *", "day field '0'")]
    [InlineData("0 0 0 * 13 *", "month field '13'")]
    [InlineData("0 0 0 * * FUNDAY", "day-of-week field 'FUNDAY'")]
    [InlineData("*/0 * * * * *", "step '0' is not a positive number")]
    [InlineData("0 0 17-9 * * *", "runs backwards")]
    public void BadExpressionsNameTheFieldAndTheProblem(string cron, string reason)
    {
        Assert.Null(CronExpression.TryParse(cron, out var error));
        Assert.Contains(reason, error);
    }
}
