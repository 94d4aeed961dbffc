namespace MedEdu.Pipeline.Screening;

/// <summary>Where the screening worker is and how to call it, bound from the <c>Screening</c> configuration section.</summary>
public sealed class ScreeningWorkerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Screening";

    /// <summary>The worker's base URL; empty means every search runs in this process.</summary>
    public string? WorkerUrl { get; set; }

    /// <summary>The worker's shared key (the local stack), sent as <c>x-worker-key</c>.</summary>
    public string? WorkerKey { get; set; }

    /// <summary>
    /// The worker's Entra ID application id URI (Azure, e.g. <c>api://&lt;client id&gt;</c>): the app asks
    /// its managed identity for a token with this audience.
    /// </summary>
    public string? WorkerAudience { get; set; }

    /// <summary>Longest a worker call may take before the search falls back to the local engine.</summary>
    public TimeSpan WorkerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>True when a worker is configured.</summary>
    public bool HasWorker => !string.IsNullOrWhiteSpace(WorkerUrl);
}
