namespace MedEdu.Pipeline.Datasets.Connectors;

/// <summary>Reads a MoleculeNet-style CSV file by URL, as published.</summary>
public sealed class CsvUrlConnector(SourceHttpClient http) : IDatasetConnector
{
    /// <inheritdoc />
    public bool Reads(DatasetSource source) => source.Url is not null && source.PubChem is null && source.Chembl is null;

    /// <inheritdoc />
    public Task<byte[]> ReadAsync(DatasetSource source, CancellationToken cancellationToken) =>
        http.GetAsync(source.Url!, "text/csv", cancellationToken);
}
