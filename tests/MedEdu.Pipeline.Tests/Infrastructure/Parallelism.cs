// Most of these tests wait: on a local host starting, a partition lease expiring, an ingestion
// finishing in another process. Four collections at a time keep the cores busy while some wait
// (two, xunit's default on this machine, left them idle during the fault-injection restarts).
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
