namespace MedEdu.Compute.Tests;

/// <summary>
/// Tests with a time bound run in this collection, after the parallel ones and alone, so the
/// bound measures the code and not the other tests sharing the machine's cores.
/// </summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
