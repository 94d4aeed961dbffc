using MedEdu.Pipeline.Datasets;
using Microsoft.DurableTask;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>Marks a version ready with its counts and makes it the served version if it is the newest ready one.</summary>
public sealed class CompleteDatasetVersion(DatasetRepository datasets) : TaskActivity<CompleteVersionInput, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, CompleteVersionInput input)
    {
        if (input.Unchanged)
        {
            await VersionCloser.CloseAsync(datasets, input, DatasetVersionStatus.Unchanged);
            return true;
        }

        // Served first, then marked ready: a version that reads "Ready" is always served (or superseded),
        // and the scheduler, which waits while the newest version reads "Ingesting", never starts a refresh
        // that would compare against the previous version's hash.
        await VersionCloser.PromoteAsync(datasets, input.DatasetId, input.Version, input.ContentHash);
        await VersionCloser.CloseAsync(datasets, input, DatasetVersionStatus.Ready);
        return true;
    }
}
