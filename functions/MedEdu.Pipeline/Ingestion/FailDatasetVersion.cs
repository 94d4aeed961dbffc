using MedEdu.Pipeline.Datasets;
using Microsoft.DurableTask;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>Marks a version failed with the reason; the previously ready version keeps being served.</summary>
public sealed class FailDatasetVersion(DatasetRepository datasets) : TaskActivity<CompleteVersionInput, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, CompleteVersionInput input)
    {
        await VersionCloser.CloseAsync(datasets, input, DatasetVersionStatus.Failed);
        return true;
    }
}
