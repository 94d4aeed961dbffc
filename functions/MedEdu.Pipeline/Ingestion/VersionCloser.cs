using Azure;
using MedEdu.Pipeline.Datasets;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>Shared writes of the activities that end a version.</summary>
internal static class VersionCloser
{
    /// <summary>Records the final state and counts of a version (idempotent).</summary>
    public static async Task CloseAsync(DatasetRepository datasets, CompleteVersionInput input, string status)
    {
        var version = await datasets.FindVersionAsync(input.DatasetId, input.Version)
            ?? throw new InvalidOperationException($"version {input.Version} of dataset '{input.DatasetId}' does not exist");
        version.Status = status;
        version.ContentHash = input.ContentHash;
        version.RawBlob = input.RawBlob;
        version.TotalRows = input.TotalRows;
        version.Stored = input.Stored;
        version.Quarantined = input.Quarantined;
        version.Error = input.Error;
        version.CompletedAt ??= DateTimeOffset.UtcNow;
        await datasets.UpsertVersionAsync(version);
    }

    /// <summary>Makes <paramref name="version"/> (with its raw file's hash) the served one unless a newer version is already served.</summary>
    public static async Task PromoteAsync(DatasetRepository datasets, string datasetId, int version, string? contentHash)
    {
        for (int attempt = 0; ; attempt++)
        {
            var dataset = await datasets.FindAsync(datasetId)
                ?? throw new InvalidOperationException($"dataset '{datasetId}' does not exist");
            if (dataset.ReadyVersion >= version)
            {
                return;
            }

            dataset.ReadyVersion = version;
            dataset.ReadyContentHash = contentHash;
            try
            {
                await datasets.UpdateAsync(dataset);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 10)
            {
                // Someone else changed the dataset meanwhile: read it again and retry.
            }
        }
    }
}
