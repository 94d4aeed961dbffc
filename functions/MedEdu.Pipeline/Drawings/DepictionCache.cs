using System.Security.Cryptography;
using System.Text;
using MedEdu.Pipeline.Storage;

namespace MedEdu.Pipeline.Drawings;

/// <summary>
/// SVG drawings in Blob storage, named by the SHA-256 of the structure and the drawing options:
/// a structure is drawn once, whichever dataset version or exercise shows it.
/// </summary>
public sealed class DepictionCache(StorageAccount account)
{
    private readonly WriteOnceBlobs _blobs = new(account, StorageLayout.DepictionContainer);

    /// <summary>The cache key (hex SHA-256) of a structure drawn with given options.</summary>
    public static string KeyOf(string smiles, string optionsKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(smiles + "\n" + optionsKey)));

    /// <summary>The cached drawing, or null.</summary>
    public async Task<string?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        (await _blobs.FindAsync(key + ".svg", cancellationToken))?.ToString();

    /// <summary>Stores a drawing unless one is already there (two requests may draw it at once; either copy is the same).</summary>
    public Task PutAsync(string key, string svg, CancellationToken cancellationToken = default) =>
        _blobs.PutIfAbsentAsync(key + ".svg", BinaryData.FromString(svg), "image/svg+xml", cancellationToken);
}
