using Microsoft.DurableTask;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>Retry policies of the ingestion's tasks: transient storage or network faults are retried with backoff.</summary>
public static class IngestionRetry
{
    private static readonly RetryPolicy Policy = new(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2);

    /// <summary>Options of every activity call.</summary>
    public static TaskOptions Activity { get; } = new(new TaskRetryOptions(Policy));

    /// <summary>Options of a sub-orchestration with a deterministic instance id (a replay or retry finds the same child).</summary>
    public static SubOrchestrationOptions SubOrchestration(string instanceId) => new(new TaskRetryOptions(Policy), instanceId);
}
