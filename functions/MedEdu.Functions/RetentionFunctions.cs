using MedEdu.Pipeline;
using MedEdu.Pipeline.Classes;
using Microsoft.Azure.Functions.Worker;

namespace MedEdu.Functions;

/// <summary>Class retention: deletes classes past their end date plus <c>MedEdu:ClassRetentionDays</c>, audited.</summary>
public sealed class RetentionFunctions(ClassErasure erasure)
{
    /// <summary>On <see cref="HostTimers.ClassRetention"/> (every day at 03:30 UTC).</summary>
    [Function("DeleteExpiredClasses")]
    public async Task DeleteExpired([TimerTrigger(HostTimers.ClassRetention)] TimerInfo timer) => await erasure.DeleteExpiredAsync();
}
