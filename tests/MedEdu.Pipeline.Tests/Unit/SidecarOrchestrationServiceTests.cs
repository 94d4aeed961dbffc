using DurableTask.Core;
using DurableTask.Core.History;
using MedEdu.LocalHost;

namespace MedEdu.Pipeline.Tests.Unit;

/// <summary>What the local host's adapter hands DurableTask.AzureStorage for a new sub-orchestration.</summary>
public sealed class SidecarOrchestrationServiceTests
{
    [Fact]
    public void ForeignTagDictionariesOnStartMessagesBecomePlainDictionaries()
    {
        var foreign = new SortedDictionary<string, string> { ["dataset"] = "esol" };
        var withTags = new TaskMessage { Event = new ExecutionStartedEvent(-1, "{}") { Tags = foreign } };
        var emptyTags = new TaskMessage { Event = new ExecutionStartedEvent(-1, "{}") { Tags = new SortedDictionary<string, string>() } };
        var plain = new Dictionary<string, string> { ["a"] = "b" };
        var alreadyPlain = new TaskMessage { Event = new ExecutionStartedEvent(-1, "{}") { Tags = plain } };

        SidecarOrchestrationService.PlainTags([withTags, emptyTags, alreadyPlain]);

        var tags = ((ExecutionStartedEvent)withTags.Event).Tags;
        Assert.IsType<Dictionary<string, string>>(tags);
        Assert.Equal("esol", tags["dataset"]);
        Assert.Null(((ExecutionStartedEvent)emptyTags.Event).Tags);
        Assert.Same(plain, ((ExecutionStartedEvent)alreadyPlain.Event).Tags);
    }

    [Fact]
    public void TheSidecarsSubOrchestrationEventIsRecordedAsDurableTaskCoresOwn()
    {
        var state = new OrchestrationRuntimeState();
        state.AddEvent(new OrchestratorStartedEvent(-1));
        state.AddEvent(new ExecutionStartedEvent(-1, "{}") { Name = "Parent", OrchestrationInstance = new OrchestrationInstance { InstanceId = "p", ExecutionId = "e" } });
        var sidecars = new SidecarCreatedEvent(3) { Name = "Child", Version = "", InstanceId = "p-child", Input = "{\"x\":1}" };
        state.AddEvent(sidecars);

        SidecarOrchestrationService.PlainHistory(state);

        var recorded = Assert.Single(state.NewEvents.OfType<SubOrchestrationInstanceCreatedEvent>());
        Assert.Equal(typeof(SubOrchestrationInstanceCreatedEvent), recorded.GetType());
        Assert.Equal((3, "Child", "p-child", "{\"x\":1}"), (recorded.EventId, recorded.Name, recorded.InstanceId, recorded.Input));
        Assert.Equal(EventType.SubOrchestrationInstanceCreated, recorded.EventType);
        Assert.Same(recorded, state.Events.OfType<SubOrchestrationInstanceCreatedEvent>().Single());
    }

    /// <summary>Stands in for the sidecar's internal subclass.</summary>
    private sealed class SidecarCreatedEvent(int eventId) : SubOrchestrationInstanceCreatedEvent(eventId);
}
