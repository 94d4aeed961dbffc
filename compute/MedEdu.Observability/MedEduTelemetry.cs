using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MedEdu.Observability;

/// <summary>
/// MedEdu's own spans and metrics. Names only what a run did (dataset ids, versions, engines,
/// counts): never a student's answers, token or display name.
/// </summary>
public static class MedEduTelemetry
{
    /// <summary>Name of MedEdu's activity source and meter.</summary>
    public const string Name = "MedEdu";

    /// <summary>The durable SDK's activity source: orchestration and activity spans, parented across the task hub.</summary>
    public const string DurableTaskSource = "Microsoft.DurableTask";

    /// <summary>MedEdu's spans: ingestion steps, searches, worker calls.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>MedEdu's meter.</summary>
    public static Meter Meter { get; } = new(Name);

    /// <summary>Rows an ingestion chunk finished, by outcome (stored or quarantined); its rate is the ingestion's rows/s.</summary>
    public static Counter<long> IngestedRows { get; } = Meter.CreateCounter<long>("mededu.ingestion.rows", "{row}", "Rows ingested, by outcome (stored, quarantined)");

    /// <summary>Similarity search latency in milliseconds, by engine and where it ran (local or worker).</summary>
    public static Histogram<double> SearchDuration { get; } = Meter.CreateHistogram<double>("mededu.search.duration", "ms", "Similarity search latency, by engine and where it ran");

    /// <summary>Durable activities one host ran a second time (a re-delivered message); zero in a clean run.</summary>
    public static Counter<long> ActivityReruns { get; } = Meter.CreateCounter<long>("mededu.durable.activity_reruns", "{run}", "Activities run again in one host because their message was handed out a second time");

    /// <summary>Searches the local engine answered because the screening worker failed, by reason.</summary>
    public static Counter<long> WorkerFallbacks { get; } = Meter.CreateCounter<long>("mededu.worker.fallbacks", "{search}", "Searches answered locally because the screening worker failed, by reason");
}
