using MedEdu.Pipeline.Schedules;
using Microsoft.DurableTask.Client;

namespace MedEdu.LocalHost;

/// <summary>The local host's stand-in for the Functions timer trigger: starts due refresh schedules every few seconds.</summary>
public sealed class ScheduleTimer(ScheduleService schedules, DurableTaskClient client, LocalHostOptions options, ILogger<ScheduleTimer> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.ScheduleCheckInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await schedules.RunDueAsync(client, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A storage hiccup must not stop the timer; the next tick tries again.
                logger.LogWarning(e, "Checking refresh schedules failed");
            }
        }
    }
}
