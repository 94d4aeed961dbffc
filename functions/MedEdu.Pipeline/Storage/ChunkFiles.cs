using System.Collections.Concurrent;
using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MedEdu.Pipeline.Datasets;
using Parquet.Serialization;

namespace MedEdu.Pipeline.Storage;

/// <summary>
/// A version's rows (compounds, predictions) as write-once Parquet files in Blob, one per ingested
/// chunk, named by the chunk's first data row: the listing is the version's manifest (row ranges
/// in order, each file's row count in its metadata). Files are read whole through a small cache.
/// </summary>
/// <typeparam name="TRecord">The row type, one Parquet column per property.</typeparam>
public class ChunkFiles<TRecord>(StorageAccount account, string container)
    where TRecord : class, new()
{
    /// <summary>Blob container of the files.</summary>
    public string Container => container;

    private const string RowsMetadata = "rows";
    private const int CachedFiles = 32;
    private static readonly TimeSpan ListingLifetime = TimeSpan.FromSeconds(30);

    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(container);
    private readonly ConcurrentDictionary<DatasetVersionKey, (DateTime At, Task<List<CompoundFile>> Files)> _listings = new();
    private readonly ConcurrentDictionary<string, (long Used, Task<IList<TRecord>> Rows)> _cache = new();
    private readonly Lazy<Task> _created = new(() => account.Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync());
    private long _tick;

    /// <summary>Folder of a version's files.</summary>
    public static string PrefixOf(DatasetVersionKey key) => $"{key.DatasetId}/v{key.Version}/";

    /// <summary>Writes (or, for a retried chunk, rewrites with the same content) the file of a chunk.</summary>
    public async Task WriteAsync(DatasetVersionKey key, int firstRow, IReadOnlyCollection<TRecord> rows, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        using var buffer = new MemoryStream();
        await ParquetSerializer.SerializeAsync(rows, buffer, cancellationToken: cancellationToken);
        buffer.Position = 0;
        await _container.GetBlobClient(NameOf(key, firstRow)).UploadAsync(buffer, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/vnd.apache.parquet" },
            Metadata = new Dictionary<string, string> { [RowsMetadata] = rows.Count.ToString(CultureInfo.InvariantCulture) },
        }, cancellationToken);
        _listings.TryRemove(key, out _);
    }

    /// <summary>The version's files in row order (empty for a version stored before compounds went to Parquet).</summary>
    public Task<List<CompoundFile>> ListAsync(DatasetVersionKey key, CancellationToken cancellationToken = default)
    {
        var now = DateTime.UtcNow;
        var entry = _listings.AddOrUpdate(key,
            _ => (now, ListFreshAsync(key, cancellationToken)),
            (_, old) => now - old.At < ListingLifetime && !old.Files.IsFaulted ? old : (now, ListFreshAsync(key, cancellationToken)));
        return entry.Files;
    }

    /// <summary>The rows of one file, in row order.</summary>
    public async Task<IList<TRecord>> ReadAsync(CompoundFile file, CancellationToken cancellationToken = default)
    {
        long tick = Interlocked.Increment(ref _tick);
        var entry = _cache.AddOrUpdate(file.Name, _ => (tick, LoadAsync(file.Name, cancellationToken)), (_, old) => (tick, old.Rows));
        if (_cache.Count > CachedFiles)
        {
            foreach (var stale in _cache.OrderBy(e => e.Value.Used).Take(_cache.Count - CachedFiles).ToList())
            {
                _cache.TryRemove(stale.Key, out _);
            }
        }

        try
        {
            return await entry.Rows;
        }
        catch
        {
            _cache.TryRemove(file.Name, out _);
            throw;
        }
    }

    /// <summary>A read-only URL of the file, valid for <paramref name="lifetime"/> (for downloads).</summary>
    public Task<Uri> DownloadUrlAsync(CompoundFile file, TimeSpan lifetime, CancellationToken cancellationToken = default) =>
        account.SignedUrlAsync(_container.GetBlobClient(file.Name), Azure.Storage.Sas.BlobSasPermissions.Read, DateTimeOffset.UtcNow + lifetime, cancellationToken);

    private static string NameOf(DatasetVersionKey key, int firstRow) => $"{PrefixOf(key)}{firstRow:D9}.parquet";

    private async Task<List<CompoundFile>> ListFreshAsync(DatasetVersionKey key, CancellationToken cancellationToken)
    {
        await _created.Value;
        var files = new List<CompoundFile>();
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = PrefixOf(key) }, cancellationToken))
        {
            string stem = Path.GetFileNameWithoutExtension(blob.Name);
            if (int.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out int firstRow)
                && blob.Metadata.TryGetValue(RowsMetadata, out var rows) && int.TryParse(rows, CultureInfo.InvariantCulture, out int count))
            {
                files.Add(new CompoundFile(blob.Name, firstRow, count, blob.Properties.ContentLength ?? 0));
            }
        }

        return [.. files.OrderBy(f => f.FirstRow)];
    }

    private async Task<IList<TRecord>> LoadAsync(string name, CancellationToken cancellationToken)
    {
        var content = await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
        using var stream = content.Value.Content.ToStream();
        return (await ParquetSerializer.DeserializeAsync<TRecord>(stream, cancellationToken: cancellationToken)).Data;
    }
}

/// <summary>One Parquet file of a version: its blob, the first data row of its chunk, how many rows it holds and its size.</summary>
public sealed record CompoundFile(string Name, int FirstRow, int Count, long Bytes);
