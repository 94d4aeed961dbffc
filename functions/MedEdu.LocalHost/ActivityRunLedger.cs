using System.Collections.Concurrent;
using DurableTask.Core;
using DurableTask.Core.History;

namespace MedEdu.LocalHost;

/// <summary>
/// Which activities this process has run, by orchestration instance and scheduled event, so that
/// one handed out a second time (a re-delivered message: work done twice) is seen and counted.
/// Finished runs are remembered up to <paramref name="remembered"/>, oldest forgotten first.
/// </summary>
public sealed class ActivityRunLedger(int remembered = 20_000)
{
    private readonly ConcurrentDictionary<string, byte> _seen = new();
    private readonly ConcurrentQueue<string> _order = new();
    private long _runs;
    private long _reruns;

    /// <summary>Activity runs started in this process.</summary>
    public long Runs => Interlocked.Read(ref _runs);

    /// <summary>Runs of an activity this process had already run or was running.</summary>
    public long Reruns => Interlocked.Read(ref _reruns);

    /// <summary>The identity of a work item's activity: instance id and the event that scheduled it.</summary>
    public static string KeyOf(TaskActivityWorkItem workItem) =>
        $"{workItem.TaskMessage.OrchestrationInstance?.InstanceId}#{(workItem.TaskMessage.Event as TaskScheduledEvent)?.EventId}";

    /// <summary>Records a run of <paramref name="key"/>; true when it ran here before.</summary>
    public bool Record(string key)
    {
        Interlocked.Increment(ref _runs);
        if (!_seen.TryAdd(key, 0))
        {
            Interlocked.Increment(ref _reruns);
            return true;
        }

        _order.Enqueue(key);
        while (_order.Count > remembered && _order.TryDequeue(out var oldest))
        {
            _seen.TryRemove(oldest, out _);
        }

        return false;
    }
}
