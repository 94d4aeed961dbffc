using MedEdu.Compute.Exercises;
using MedEdu.Pipeline.Compounds;
using MedEdu.Pipeline.Datasets;
using MedEdu.Pipeline.Ingestion;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace MedEdu.Pipeline.Datasets;

/// <summary>Registers datasets, starts their ingestion and reports on them; used by every host's routes.</summary>
public sealed class DatasetService(DatasetRepository datasets, CompoundRepository compounds, CompoundFiles files, ModelRepository models, TimeProvider clock)
{
    /// <summary>Registers a new dataset and starts ingesting version 1; null when the id is taken.</summary>
    public async Task<DatasetStatus?> RegisterAsync(ValidatedRegistration registration, DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        var entity = new DatasetEntity
        {
            RowKey = registration.Id,
            Name = registration.Name,
            Bundled = registration.Source.Bundled,
            Url = registration.Source.Url,
            SourceJson = System.Text.Json.JsonSerializer.Serialize(registration.Source),
            PropertyJson = System.Text.Json.JsonSerializer.Serialize(registration.Property),
            SmilesColumn = registration.Source.Mapping.Smiles,
            NameColumn = registration.Source.Mapping.Name,
            ValueColumn = registration.Source.Mapping.Value,
            LatestVersion = 1,
            ChunkSize = registration.ChunkSize,
            CreatedAt = clock.GetUtcNow(),
        };
        if (!await datasets.TryAddAsync(entity, cancellationToken))
        {
            return null;
        }

        await StartVersionAsync(entity, 1, client, cancellationToken);
        return await GetStatusAsync(registration.Id, client, cancellationToken);
    }

    /// <summary>Starts ingesting a new version of an existing dataset from its registered source; null when unknown.</summary>
    public async Task<DatasetStatus?> RefreshAsync(string datasetId, DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        for (int attempt = 0; ; attempt++)
        {
            var entity = await datasets.FindAsync(datasetId, cancellationToken);
            if (entity is null)
            {
                return null;
            }

            int version = entity.LatestVersion + 1;
            entity.LatestVersion = version;
            try
            {
                await datasets.UpdateAsync(entity, cancellationToken);
            }
            catch (Azure.RequestFailedException e) when (e.Status == 412 && attempt < 10)
            {
                continue;
            }

            await StartVersionAsync(entity, version, client, cancellationToken);
            return await GetStatusAsync(datasetId, client, cancellationToken);
        }
    }

    private async Task StartVersionAsync(DatasetEntity entity, int version, DurableTaskClient client, CancellationToken cancellationToken)
    {
        string instanceId = TaskNames.IngestionInstanceId(entity.RowKey, version);
        await datasets.UpsertVersionAsync(new DatasetVersionEntity
        {
            PartitionKey = entity.RowKey,
            RowKey = DatasetVersionEntity.RowKeyOf(version),
            Version = version,
            Status = DatasetVersionStatus.Ingesting,
            InstanceId = instanceId,
            StartedAt = clock.GetUtcNow(),
        }, cancellationToken);
        // Datasets promoted before ReadyContentHash existed keep the hash on their version row only.
        string? servedHash = entity.ReadyContentHash
            ?? (entity.ReadyVersion > 0 ? (await datasets.FindVersionAsync(entity.RowKey, entity.ReadyVersion, cancellationToken))?.ContentHash : null);
        var input = new IngestDatasetInput(entity.RowKey, version, SourceOf(entity), entity.ChunkSize > 0 ? entity.ChunkSize : IngestDatasetInput.DefaultChunkSize, servedHash);
        await client.ScheduleNewOrchestrationInstanceAsync(
            TaskNames.IngestDataset, input, new StartOrchestrationOptions(instanceId), cancellationToken);
    }

    /// <summary>The dataset's state, versions and live ingestion progress; null when unknown.</summary>
    public async Task<DatasetStatus?> GetStatusAsync(string datasetId, DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        var entity = await datasets.FindAsync(datasetId, cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var versions = await datasets.ListVersionsAsync(datasetId, cancellationToken);
        var latest = versions.MaxBy(v => v.Version);
        IngestionState? ingestion = null;
        if (latest is not null)
        {
            var instance = await client.GetInstanceAsync(latest.InstanceId, getInputsAndOutputs: true, cancellationToken);
            var progress = ProgressOf(instance);
            if (progress?.Phase == "ingesting")
            {
                // The chunk fan-out runs in a sub-orchestration: its status has the live counts.
                var featurize = await client.GetInstanceAsync(TaskNames.FeaturizeInstanceId(latest.InstanceId), getInputsAndOutputs: true, cancellationToken);
                progress = ProgressOf(featurize) ?? progress;
            }

            ingestion = new IngestionState(latest.InstanceId, latest.Version, instance?.RuntimeStatus.ToString() ?? "Unknown", progress);
        }

        return new DatasetStatus(
            entity.RowKey,
            entity.Name,
            SourceOf(entity),
            entity.ReadyVersion == 0 ? null : entity.ReadyVersion,
            entity.LatestVersion,
            versions.OrderBy(v => v.Version).Select(VersionSummary.From).ToList(),
            ingestion,
            PropertyOf(entity));
    }

    private static IngestionProgress? ProgressOf(OrchestrationMetadata? instance) =>
        instance?.SerializedCustomStatus is { Length: > 0 } ? instance.ReadCustomStatusAs<IngestionProgress>() : null;

    /// <summary>Every dataset with its served version.</summary>
    public async Task<List<DatasetSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        (await datasets.ListAsync(cancellationToken))
            .Select(d => new DatasetSummary(d.RowKey, d.Name, d.ReadyVersion == 0 ? null : d.ReadyVersion, d.LatestVersion))
            .ToList();

    /// <summary>Resolves the version to read: the requested one, else the served one.</summary>
    public async Task<VersionLookup> ResolveVersionAsync(string datasetId, int? requested, CancellationToken cancellationToken = default)
    {
        var entity = await datasets.FindAsync(datasetId, cancellationToken);
        if (entity is null)
        {
            return VersionLookup.UnknownDataset;
        }

        if (requested is int wanted)
        {
            var version = await datasets.FindVersionAsync(datasetId, wanted, cancellationToken);
            return version is { Status: DatasetVersionStatus.Ready }
                ? new VersionLookup(new DatasetVersionKey(datasetId, wanted), null)
                : new VersionLookup(null, $"version {wanted} of dataset '{datasetId}' is not ready (it is {version?.Status ?? "unknown"})");
        }

        return entity.ReadyVersion == 0
            ? new VersionLookup(null, $"dataset '{datasetId}' has no ready version yet; GET /api/datasets/{datasetId} shows the ingestion's progress")
            : new VersionLookup(new DatasetVersionKey(datasetId, entity.ReadyVersion), null);
    }

    /// <summary>A page of compounds of a version.</summary>
    public async Task<List<CompoundView>> PageCompoundsAsync(DatasetVersionKey key, int skip, int take, CancellationToken cancellationToken = default) =>
        (await compounds.PageAsync(key, skip, take, cancellationToken)).Select(CompoundView.From).ToList();

    /// <summary>
    /// The version's Parquet files with their row ranges, compound counts, sizes and a read-only URL
    /// valid for an hour; empty for a version whose compounds are in Table (ingested before Parquet).
    /// </summary>
    public async Task<List<CompoundFileView>> FilesAsync(DatasetVersionKey key, CancellationToken cancellationToken = default)
    {
        var parts = await files.ListAsync(key, cancellationToken);
        var views = new List<CompoundFileView>(parts.Count);
        for (int i = 0; i < parts.Count; i++)
        {
            int lastRow = i + 1 < parts.Count ? parts[i + 1].FirstRow - 1 : -1;
            views.Add(new CompoundFileView(Path.GetFileName(parts[i].Name), parts[i].FirstRow, lastRow < 0 ? null : lastRow, parts[i].Count, parts[i].Bytes,
                (await files.DownloadUrlAsync(parts[i], TimeSpan.FromHours(1), cancellationToken)).ToString()));
        }

        return views;
    }

    /// <summary>A page of quarantined rows of a version.</summary>
    public async Task<List<QuarantinedRowView>> PageQuarantineAsync(DatasetVersionKey key, int skip, int take, CancellationToken cancellationToken = default) =>
        (await compounds.QuarantinedAsync(key, skip, take, cancellationToken)).Select(QuarantinedRowView.From).ToList();

    /// <summary>The model of a version, or null.</summary>
    public async Task<ModelView?> ModelAsync(DatasetVersionKey key, CancellationToken cancellationToken = default) =>
        await models.FindAsync(key, cancellationToken) is { } m ? ModelView.From(m) : null;

    /// <summary>What the dataset's value means (words, unit, experimental error, labels); null when the dataset is unknown.</summary>
    public async Task<PropertyProfile?> PropertyAsync(string datasetId, CancellationToken cancellationToken = default) =>
        await datasets.FindAsync(datasetId, cancellationToken) is { } entity ? PropertyOf(entity) : null;

    private static PropertyProfile PropertyOf(DatasetEntity entity) =>
        entity.PropertyJson is { Length: > 0 } json
            ? System.Text.Json.JsonSerializer.Deserialize<PropertyProfile>(json)!
            : PropertyDefaults.For(SourceOf(entity));

    private static DatasetSource SourceOf(DatasetEntity entity) =>
        entity.SourceJson is { Length: > 0 } json
            ? System.Text.Json.JsonSerializer.Deserialize<DatasetSource>(json)!
            : new(entity.Bundled, entity.Url, new ColumnMapping(entity.SmilesColumn, entity.NameColumn, entity.ValueColumn));
}
