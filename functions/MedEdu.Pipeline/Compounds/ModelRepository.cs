using Azure.Storage.Blobs;
using MedEdu.Pipeline.Datasets;
using MedEdu.Pipeline.Storage;

namespace MedEdu.Pipeline.Compounds;

/// <summary>Trained models (zip in Blob, metrics in Table) and their per-compound predictions.</summary>
public sealed class ModelRepository(StorageAccount account, TableProvider tables, PredictionFiles files)
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(StorageLayout.ModelContainer);

    /// <summary>Blob name of a version's model.</summary>
    public static string BlobNameOf(DatasetVersionKey key) => $"{key.DatasetId}/v{key.Version}/model.zip";

    /// <summary>Uploads (overwrites) a model zip.</summary>
    public async Task<string> SaveModelAsync(DatasetVersionKey key, Stream zip, CancellationToken cancellationToken = default)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        string name = BlobNameOf(key);
        await _container.GetBlobClient(name).UploadAsync(zip, overwrite: true, cancellationToken);
        return name;
    }

    /// <summary>Downloads a model zip.</summary>
    public async Task<Stream> OpenModelAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var response = await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
        return response.Value.Content.ToStream();
    }

    /// <summary>Records a model's metrics.</summary>
    public async Task UpsertAsync(ModelEntity model, CancellationToken cancellationToken = default) =>
        await (await tables.GetAsync(StorageLayout.Models)).UpsertEntityAsync(model, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);

    /// <summary>The model of a version, or null.</summary>
    public async Task<ModelEntity?> FindAsync(DatasetVersionKey key, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(StorageLayout.Models);
        var response = await table.GetEntityIfExistsAsync<ModelEntity>(key.DatasetId, DatasetVersionEntity.RowKeyOf(key.Version), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Stores the predictions of one chunk of compounds (a rerun rewrites the same file).</summary>
    public Task WritePredictionsAsync(DatasetVersionKey key, int firstRow, IReadOnlyCollection<PredictionRecord> predictions, CancellationToken cancellationToken = default) =>
        predictions.Count == 0 ? Task.CompletedTask : files.WriteAsync(key, firstRow, predictions, cancellationToken);

    /// <summary>
    /// The version's predictions: of the chunks starting at <paramref name="firstRows"/> when given,
    /// else all. Versions trained before predictions went to Parquet have them in Table.
    /// </summary>
    public async Task<List<PredictionEntity>> PredictionsAsync(DatasetVersionKey key, IReadOnlySet<int>? firstRows = null, CancellationToken cancellationToken = default)
    {
        var parts = await files.ListAsync(key, cancellationToken);
        if (parts.Count > 0)
        {
            var found = new List<PredictionEntity>();
            foreach (var file in parts.Where(f => firstRows is null || firstRows.Contains(f.FirstRow)))
            {
                found.AddRange((await files.ReadAsync(file, cancellationToken)).Select(r => r.To(key)));
            }

            return found;
        }

        var table = await tables.GetAsync(StorageLayout.Predictions);
        var result = new List<PredictionEntity>();
        string partition = key.PartitionKey;
        await foreach (var p in table.QueryAsync<PredictionEntity>(e => e.PartitionKey == partition, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            result.Add(p);
        }

        return result;
    }
}
