using Azure;
using Azure.Data.Tables;
using MedEdu.Pipeline.Storage;

namespace MedEdu.Pipeline.Datasets;

/// <summary>Reads and writes datasets and their versions.</summary>
public sealed class DatasetRepository(TableProvider tables)
{
    /// <summary>The dataset, or null when unknown.</summary>
    public async Task<DatasetEntity?> FindAsync(string datasetId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(StorageLayout.Datasets);
        var response = await table.GetEntityIfExistsAsync<DatasetEntity>(DatasetEntity.Partition, datasetId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Every dataset, ordered by id.</summary>
    public async Task<List<DatasetEntity>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(StorageLayout.Datasets);
        var result = new List<DatasetEntity>();
        await foreach (var entity in table.QueryAsync<DatasetEntity>(e => e.PartitionKey == DatasetEntity.Partition, cancellationToken: cancellationToken))
        {
            result.Add(entity);
        }

        return result;
    }

    /// <summary>Adds a new dataset; returns false when the id is taken.</summary>
    public async Task<bool> TryAddAsync(DatasetEntity dataset, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(StorageLayout.Datasets);
        try
        {
            await table.AddEntityAsync(dataset, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Writes a dataset back, failing on a concurrent change (optimistic concurrency on the ETag).</summary>
    public async Task UpdateAsync(DatasetEntity dataset, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(StorageLayout.Datasets);
        await table.UpdateEntityAsync(dataset, dataset.ETag, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>One version of a dataset, or null.</summary>
    public async Task<DatasetVersionEntity?> FindVersionAsync(string datasetId, int version, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(StorageLayout.DatasetVersions);
        var response = await table.GetEntityIfExistsAsync<DatasetVersionEntity>(datasetId, DatasetVersionEntity.RowKeyOf(version), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>All versions of a dataset, oldest first.</summary>
    public async Task<List<DatasetVersionEntity>> ListVersionsAsync(string datasetId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(StorageLayout.DatasetVersions);
        var result = new List<DatasetVersionEntity>();
        await foreach (var entity in table.QueryAsync<DatasetVersionEntity>(e => e.PartitionKey == datasetId, cancellationToken: cancellationToken))
        {
            result.Add(entity);
        }

        return result;
    }

    /// <summary>Creates or replaces a version entity.</summary>
    public async Task UpsertVersionAsync(DatasetVersionEntity version, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(StorageLayout.DatasetVersions);
        await table.UpsertEntityAsync(version, TableUpdateMode.Replace, cancellationToken);
    }
}
