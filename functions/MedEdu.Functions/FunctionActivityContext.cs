using Microsoft.DurableTask;

namespace MedEdu.Functions;

/// <summary>
/// The activity context handed to the shared <see cref="TaskActivity{TInput, TOutput}"/> classes
/// when Durable Functions, not the DurableTask worker, invokes them.
/// </summary>
internal sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    /// <inheritdoc />
    public override TaskName Name { get; } = name;

    /// <inheritdoc />
    public override string InstanceId { get; } = instanceId;
}
