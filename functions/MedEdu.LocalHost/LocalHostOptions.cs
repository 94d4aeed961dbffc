namespace MedEdu.LocalHost;

/// <summary>Settings of the embedded local host, bound from the <c>LocalHost</c> configuration section.</summary>
public sealed class LocalHostOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "LocalHost";

    /// <summary>Port of the HTTP API on 127.0.0.1 (the Functions host's usual 7071).</summary>
    public int ApiPort { get; set; } = 7071;

    /// <summary>Port of the internal durable gRPC sidecar on 127.0.0.1 (HTTP/2 only).</summary>
    public int SidecarPort { get; set; } = 7072;

    /// <summary>Durable task hub name in Azurite; tests use their own to stay isolated.</summary>
    public string TaskHub { get; set; } = "MedEduLocal";

    /// <summary>Longest the durable backend waits between polls of an empty queue.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a dequeued durable message stays hidden. Short, so that after the host is killed
    /// its in-flight work reappears within seconds instead of Azure's default five minutes.
    /// </summary>
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long the durable backend's lease on a task-hub partition lasts unrenewed (renewed and
    /// re-acquired every third of it). A restarted host waits this long for its dead predecessor's
    /// partitions, so the local host takes the shortest blob lease Azure Storage grants (15 s)
    /// instead of the backend's default 30 s.
    /// </summary>
    public TimeSpan PartitionLeaseInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often the schedule timer looks for due refresh schedules instead of its NCRONTAB schedule
    /// (every minute, as in the Functions app); unset but in tests.
    /// </summary>
    public TimeSpan? ScheduleCheckInterval { get; set; }
}
