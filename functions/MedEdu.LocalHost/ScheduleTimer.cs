using MedEdu.Pipeline;
using MedEdu.Pipeline.Schedules;
using Microsoft.DurableTask.Client;

namespace MedEdu.LocalHost;

/// <summary>Starts due refresh schedules on <see cref="HostTimers.DueSchedules"/>, as the Functions app's <c>RunDueSchedules</c> does.</summary>
public sealed class ScheduleTimer(ScheduleService schedules, DurableTaskClient client, LocalHostOptions options, TimeProvider clock, ILogger<ScheduleTimer> logger)
    : CronTimer(HostTimers.DueSchedules, options.ScheduleCheckInterval, clock, logger)
{
    /// <inheritdoc />
    protected override string What => "Checking refresh schedules";

    /// <inheritdoc />
    protected override Task RunAsync(CancellationToken cancellationToken) => schedules.RunDueAsync(client, cancellationToken);
}
