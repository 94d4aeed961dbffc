using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.Extensions.Logging;

namespace MedEdu.LocalHost;

/// <summary>
/// The Azure Storage orchestration service as the gRPC sidecar sees it: every call goes straight
/// through, except that what the sidecar (InProcessTestHost 0.2.3-preview.1) records for a new
/// sub-orchestration is handed over in DurableTask.Core's own types, which DurableTask.AzureStorage
/// can store and read back:
/// <list type="bullet">
/// <item>the child's start message carries the protobuf <c>MapField</c> of tags the worker sent;
/// AzureStorage writes that type name into the queue message and then refuses to read it ("Error
/// resolving type specified in JSON 'Google.Protobuf.Collections.MapField`2'"): the child never
/// starts. Tags become a plain dictionary.</item>
/// <item>the parent's history gets the sidecar's own subclass of
/// <see cref="SubOrchestrationInstanceCreatedEvent"/>, which AzureStorage writes without an
/// <c>EventType</c> column and cannot replay ("The TableEntity did not contain a 'EventType'
/// property"): the parent never resumes. It becomes the base event.</item>
/// </list>
/// It also renews each activity's lock while it runs (<see cref="WorkItemLockRenewals"/>), which the
/// sidecar does not, and counts activities handed out twice (<see cref="ActivityRunLedger"/>).
/// </summary>
/// <param name="inner">The Azure Storage orchestration service.</param>
/// <param name="visibilityTimeout">How long a dequeued work-item message stays hidden; locks are renewed every half of it.</param>
/// <param name="logger">Where re-runs and failed renewals are reported.</param>
public sealed class SidecarOrchestrationService(IOrchestrationService inner, TimeSpan visibilityTimeout, ILogger<SidecarOrchestrationService> logger) : IOrchestrationService
{
    private readonly WorkItemLockRenewals _renewals = new(visibilityTimeout / 2, (id, e) =>
        logger.LogWarning("Renewing the lock of activity work item {WorkItem} failed; it may run again: {Error}", id, e.Message));

    private readonly ActivityRunLedger _runs = new();

    /// <inheritdoc />
    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    /// <inheritdoc />
    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    /// <inheritdoc />
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    /// <inheritdoc />
    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    /// <inheritdoc />
    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    /// <summary>Replaces foreign tag dictionaries on sub-orchestration start messages with plain ones.</summary>
    public static void PlainTags(IEnumerable<TaskMessage> messages)
    {
        foreach (var message in messages)
        {
            if (message.Event is ExecutionStartedEvent started && started.Tags is { } tags && tags.GetType() != typeof(Dictionary<string, string>))
            {
                started.Tags = tags.Count == 0 ? null : new Dictionary<string, string>(tags);
            }
        }
    }

    /// <summary>Replaces the sidecar's subclass of the sub-orchestration-created event with DurableTask.Core's own, in place.</summary>
    public static void PlainHistory(OrchestrationRuntimeState state)
    {
        for (int i = 0; i < state.NewEvents.Count; i++)
        {
            if (state.NewEvents[i] is SubOrchestrationInstanceCreatedEvent created && created.GetType() != typeof(SubOrchestrationInstanceCreatedEvent))
            {
                var plain = new SubOrchestrationInstanceCreatedEvent(created.EventId)
                {
                    Name = created.Name,
                    Version = created.Version,
                    InstanceId = created.InstanceId,
                    Input = created.Input,
                    ClientSpanId = created.ClientSpanId,
                    Timestamp = created.Timestamp,
                    IsPlayed = created.IsPlayed,
                    Tags = created.Tags is { Count: > 0 } tags ? new Dictionary<string, string>(tags) : null,
                };
                int inAll = state.Events.IndexOf(created);
                if (inAll >= 0)
                {
                    state.Events[inAll] = plain;
                }

                state.NewEvents[i] = plain;
            }
        }
    }

    /// <inheritdoc />
    public Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages, IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState)
    {
        PlainTags(orchestratorMessages);
        PlainHistory(newOrchestrationRuntimeState);
        return inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }

    /// <inheritdoc />
    public Task StartAsync() => inner.StartAsync();

    /// <inheritdoc />
    public Task StopAsync() => inner.StopAsync();

    /// <inheritdoc />
    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);

    /// <inheritdoc />
    public Task CreateAsync() => inner.CreateAsync();

    /// <inheritdoc />
    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    /// <inheritdoc />
    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    /// <inheritdoc />
    public Task DeleteAsync() => inner.DeleteAsync();

    /// <inheritdoc />
    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    /// <inheritdoc />
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    /// <inheritdoc />
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    /// <inheritdoc />
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    /// <inheritdoc />
    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    /// <inheritdoc />
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    /// <inheritdoc />
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    /// <inheritdoc />
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    /// <inheritdoc />
    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is null)
        {
            return null!; // nothing to run before the timeout; the interface's contract allows it
        }

        if (_runs.Record(ActivityRunLedger.KeyOf(workItem)))
        {
            MedEdu.Observability.MedEduTelemetry.ActivityReruns.Add(1);
            logger.LogWarning("Activity {Name} of {Instance} runs again: its message was handed out a second time",
                (workItem.TaskMessage.Event as TaskScheduledEvent)?.Name, workItem.TaskMessage.OrchestrationInstance?.InstanceId);
        }

        _renewals.Start(workItem.Id, () => inner.RenewTaskActivityWorkItemLockAsync(workItem));
        return workItem;
    }

    /// <inheritdoc />
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);

    /// <inheritdoc />
    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        await _renewals.StopAsync(workItem.Id);
        await inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    }

    /// <inheritdoc />
    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        await _renewals.StopAsync(workItem.Id);
        await inner.AbandonTaskActivityWorkItemAsync(workItem);
    }
}
