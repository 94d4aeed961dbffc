namespace MedEdu.Pipeline;

/// <summary>
/// The schedules of the timers every host runs, as NCRONTAB (six fields, UTC): the Functions app's
/// timer triggers name these, and the local host steps the same expressions with NCrontab.
/// </summary>
public static class HostTimers
{
    /// <summary>Start a refresh for each due dataset schedule: every minute.</summary>
    public const string DueSchedules = "0 * * * * *";

    /// <summary>Delete the classes whose retention ran out: every day at 03:30 UTC.</summary>
    public const string ClassRetention = "0 30 3 * * *";
}
