using DurableTask.Core;
using DurableTask.Core.History;
using MedEdu.LocalHost;

namespace MedEdu.Pipeline.Tests.Unit;

/// <summary>How the local host keeps a running activity's message hidden, and sees one handed out twice.</summary>
public sealed class WorkItemLockRenewalsTests
{
    [Fact]
    public async Task A_running_item_is_renewed_until_it_stops_and_never_after()
    {
        var renewals = new WorkItemLockRenewals(TimeSpan.FromMilliseconds(50));
        int renewed = 0;
        renewals.Start("a", () => { Interlocked.Increment(ref renewed); return Task.CompletedTask; });
        Assert.Equal(1, renewals.Count);

        // Wait for three renewals rather than a fixed time: on a loaded machine (the quick tier runs
        // every assembly at once) timer callbacks come late, and a fixed 400 ms saw one.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref renewed) < 3 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }

        await renewals.StopAsync("a");
        int atStop = Volatile.Read(ref renewed);
        TimeSpan ran = clock.Elapsed;
        await Task.Delay(200);

        // At once, then at most once per interval: never faster than the interval allows.
        Assert.InRange(atStop, 3, 2 + (int)(ran.TotalMilliseconds / 50));
        Assert.Equal(atStop, Volatile.Read(ref renewed));
        Assert.Equal(0, renewals.Count);
        await renewals.StopAsync("a"); // stopping twice (complete after abandon) is harmless
    }

    [Fact]
    public async Task Stopping_waits_for_the_renewal_in_flight_so_completion_sees_the_latest_receipt()
    {
        var renewals = new WorkItemLockRenewals(TimeSpan.FromMilliseconds(20));
        var inFlight = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        bool finished = false;
        renewals.Start("a", async () =>
        {
            inFlight.TrySetResult();
            await release.Task;
            finished = true;
        });
        await inFlight.Task;

        var stop = renewals.StopAsync("a");
        await Task.Delay(50);
        Assert.False(stop.IsCompleted);
        release.SetResult();
        await stop;
        Assert.True(finished);
    }

    [Fact]
    public async Task A_failed_renewal_stops_the_loop_and_is_reported()
    {
        string? failed = null;
        var renewals = new WorkItemLockRenewals(TimeSpan.FromMilliseconds(10), (id, e) => failed = $"{id}: {e.Message}");
        int calls = 0;
        renewals.Start("gone", () => { calls++; throw new InvalidOperationException("PopReceiptMismatch"); });
        await Task.Delay(200);

        Assert.Equal(1, calls);
        Assert.Equal("gone: PopReceiptMismatch", failed);
        await renewals.StopAsync("gone");
    }

    [Fact]
    public void The_ledger_counts_an_activity_handed_out_twice_and_forgets_the_oldest()
    {
        var ledger = new ActivityRunLedger(remembered: 2);
        Assert.False(ledger.Record(KeyOf("ingest-esol-v1", 3)));
        Assert.False(ledger.Record(KeyOf("ingest-esol-v1", 4)));
        Assert.True(ledger.Record(KeyOf("ingest-esol-v1", 3)));
        Assert.False(ledger.Record(KeyOf("ingest-bbbp-v1", 3)));

        Assert.Equal(4, ledger.Runs);
        Assert.Equal(1, ledger.Reruns);
        Assert.False(ledger.Record(KeyOf("ingest-esol-v1", 3))); // forgotten: beyond the last two
    }

    private static string KeyOf(string instance, int eventId) => ActivityRunLedger.KeyOf(new TaskActivityWorkItem
    {
        Id = Guid.NewGuid().ToString(),
        TaskMessage = new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instance, ExecutionId = "e" },
            Event = new TaskScheduledEvent(eventId) { Name = "IngestCompoundChunk" },
        },
    });
}
