namespace MedEdu.Pipeline.Datasets.Connectors;

/// <summary>
/// Reads one kind of dataset source into CSV bytes that ingestion cuts into chunks. File sources
/// return their bytes as they are; web services (PubChem, ChEMBL) return a normalized CSV
/// (<see cref="NormalizedCsv"/>) so every later step is the same for all of them.
/// </summary>
public interface IDatasetConnector
{
    /// <summary>True when this connector reads <paramref name="source"/>.</summary>
    bool Reads(DatasetSource source);

    /// <summary>Reads the whole source.</summary>
    /// <exception cref="DatasetSourceException">The source is refused or unreadable (not worth retrying).</exception>
    Task<byte[]> ReadAsync(DatasetSource source, CancellationToken cancellationToken);
}
