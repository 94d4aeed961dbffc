using MedEdu.Pipeline;
using MedEdu.Pipeline.Classes;

namespace MedEdu.LocalHost;

/// <summary>Deletes the classes whose retention ran out on <see cref="HostTimers.ClassRetention"/>, as the Functions app's <c>DeleteExpiredClasses</c> does.</summary>
public sealed class RetentionTimer(ClassErasure erasure, TimeProvider clock, ILogger<RetentionTimer> logger)
    : CronTimer(HostTimers.ClassRetention, null, clock, logger)
{
    /// <inheritdoc />
    protected override string What => "Deleting expired classes";

    /// <inheritdoc />
    protected override Task RunAsync(CancellationToken cancellationToken) => erasure.DeleteExpiredAsync();
}
