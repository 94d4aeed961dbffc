using MedEdu.Pipeline.Datasets.Connectors;

namespace MedEdu.Pipeline.Datasets;

/// <summary>Reads a dataset source's raw CSV bytes through the connector that handles its kind.</summary>
public sealed class DatasetSourceReader(IEnumerable<IDatasetConnector> connectors)
{
    /// <summary>Reads the whole source.</summary>
    /// <exception cref="DatasetSourceException">The source is refused or unreadable (not worth retrying).</exception>
    public Task<byte[]> ReadAsync(DatasetSource source, CancellationToken cancellationToken = default) =>
        (connectors.FirstOrDefault(c => c.Reads(source)) ?? throw new DatasetSourceException($"no connector reads {source.Describe()}"))
            .ReadAsync(source, cancellationToken);
}

/// <summary>A dataset source that cannot be read for a reason a retry will not fix.</summary>
public sealed class DatasetSourceException(string message) : Exception(message);
