using Microsoft.Extensions.Options;

namespace MedEdu.Pipeline.Datasets.Connectors;

/// <summary>Reads a dataset shipped beside the binaries (<see cref="BundledDatasetCatalog"/>).</summary>
public sealed class BundledConnector(IOptions<PipelineOptions> options) : IDatasetConnector
{
    /// <inheritdoc />
    public bool Reads(DatasetSource source) => source.Bundled is not null;

    /// <inheritdoc />
    public async Task<byte[]> ReadAsync(DatasetSource source, CancellationToken cancellationToken)
    {
        var dataset = BundledDatasetCatalog.Find(source.Bundled!)
            ?? throw new DatasetSourceException($"unknown bundled dataset '{source.Bundled}'");
        string path = BundledDatasetCatalog.PathOf(dataset, options.Value.BundledDatasetsPath);
        if (!File.Exists(path))
        {
            throw new DatasetSourceException($"bundled file '{path}' is missing from this installation");
        }

        return await File.ReadAllBytesAsync(path, cancellationToken);
    }
}
