using MedEdu.Pipeline.Classes;

namespace MedEdu.LocalHost;

/// <summary>The local host's class retention: at start and every hour, deletes the classes whose retention ran out.</summary>
public sealed class RetentionTimer(ClassErasure erasure, ILogger<RetentionTimer> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await erasure.DeleteExpiredAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A storage hiccup must not stop the timer; the next tick tries again.
                logger.LogWarning(e, "Deleting expired classes failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
