using System.Security.Cryptography;
using MedEdu.Pipeline.Storage;

namespace MedEdu.Pipeline.Datasets;

/// <summary>
/// Keeps every downloaded source file in Blob storage under its SHA-256, so a retry or a
/// re-download of identical content writes nothing new and a version can always be re-read.
/// </summary>
public sealed class RawDatasetStore(StorageAccount account)
{
    private readonly WriteOnceBlobs _blobs = new(account, StorageLayout.RawContainer);

    /// <summary>Hex SHA-256 of <paramref name="content"/>.</summary>
    public static string HashOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Stores <paramref name="content"/> under its hash unless already there; returns the blob name.</summary>
    public async Task<string> PutAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        string name = $"{HashOf(content)}.csv";
        await _blobs.PutIfAbsentAsync(name, new BinaryData(content), "text/csv", cancellationToken);
        return name;
    }

    /// <summary>A stream writing the stored copy of an uploaded file, named <paramref name="name"/>.</summary>
    public Task<Stream> OpenWriteAsync(string name, CancellationToken cancellationToken = default) => _blobs.OpenWriteAsync(name, cancellationToken);

    /// <summary>Reads <paramref name="length"/> bytes at <paramref name="offset"/> of a stored file.</summary>
    public Task<byte[]> ReadRangeAsync(string blobName, long offset, int length, CancellationToken cancellationToken = default) =>
        _blobs.ReadRangeAsync(blobName, offset, length, cancellationToken);

    /// <summary>Reads a whole stored file.</summary>
    public Task<byte[]> ReadAllAsync(string blobName, CancellationToken cancellationToken = default) =>
        _blobs.ReadAllAsync(blobName, cancellationToken);
}
