using MedEdu.Pipeline.Schedules;

namespace MedEdu.LocalHost;

/// <summary>
/// The local host's stand-in for a Functions timer trigger: runs the work at each occurrence of the
/// same NCRONTAB schedule (<see cref="Pipeline.HostTimers"/>), or every <c>interval</c> when one is
/// configured (tests). A failed run is logged and the next occurrence tries again.
/// </summary>
public abstract class CronTimer(string schedule, TimeSpan? interval, TimeProvider clock, ILogger logger) : BackgroundService
{
    private readonly CronExpression _schedule = CronExpression.TryParse(schedule, out string? error)
        ?? throw new ArgumentException($"timer schedule '{schedule}': {error}", nameof(schedule));

    /// <summary>What the timer does, for its log lines.</summary>
    protected abstract string What { get; }

    /// <summary>One run of the work.</summary>
    protected abstract Task RunAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var wait = interval ?? (_schedule.NextAfter(now) is { } next ? next - now : Timeout.InfiniteTimeSpan);
            await Task.Delay(wait, clock, stoppingToken);
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A storage hiccup must not stop the timer.
                logger.LogWarning(e, "{What} failed; the next occurrence tries again", What);
            }
        }
    }
}
