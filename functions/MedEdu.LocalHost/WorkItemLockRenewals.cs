using System.Collections.Concurrent;

namespace MedEdu.LocalHost;

/// <summary>
/// Keeps locked durable work items locked while they run. The gRPC sidecar's dispatcher never renews
/// a lock (DurableTask.Core's own dispatchers do), so an activity that runs longer than the queue's
/// visibility timeout reappears, is handed out again and runs twice; its first completion then
/// fails with <c>PopReceiptMismatch</c>. Each locked item gets a loop that renews it every half
/// timeout, from the moment it is handed out, until it completes or is abandoned; stopping waits for a renewal in flight, so the
/// completion uses the message's latest pop receipt. A killed host renews nothing, so its work
/// reappears after one timeout, as crash recovery needs.
/// </summary>
public sealed class WorkItemLockRenewals(TimeSpan every, Action<string, Exception>? onFailure = null)
{
    private readonly ConcurrentDictionary<string, Renewal> _running = new();

    /// <summary>Items being renewed now.</summary>
    public int Count => _running.Count;

    /// <summary>Starts renewing the item <paramref name="id"/> with <paramref name="renew"/> (a second start for the same id is ignored).</summary>
    public void Start(string id, Func<Task> renew)
    {
        var renewal = new Renewal();
        if (_running.TryAdd(id, renewal))
        {
            renewal.Loop = RenewAsync(id, renew, renewal.Stop.Token);
        }
        else
        {
            renewal.Stop.Dispose();
        }
    }

    /// <summary>Stops renewing <paramref name="id"/>, after the renewal in flight (if any) ends.</summary>
    public async Task StopAsync(string id)
    {
        if (!_running.TryRemove(id, out var renewal))
        {
            return;
        }

        await renewal.Stop.CancelAsync();
        await renewal.Loop;
        renewal.Stop.Dispose();
    }

    // The first renewal is at once: the backend fetches messages in batches, so an item's
    // visibility has been running down since its batch arrived, not since it was handed out.
    private async Task RenewAsync(string id, Func<Task> renew, CancellationToken stop)
    {
        await Task.Yield();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await renew();
            }
            catch (Exception e)
            {
                // The message is gone or taken (its work will be retried from storage): stop, say why.
                onFailure?.Invoke(id, e);
                return;
            }

            try
            {
                await Task.Delay(every, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private sealed class Renewal
    {
        public CancellationTokenSource Stop { get; } = new();

        public Task Loop { get; set; } = Task.CompletedTask;
    }
}
