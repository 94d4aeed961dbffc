using MedEdu.Pipeline.Storage;

namespace MedEdu.Pipeline.Compounds;

/// <summary>A version's compounds, one Parquet file per ingested chunk (container <c>compounds</c>).</summary>
public sealed class CompoundFiles(StorageAccount account) : ChunkFiles<CompoundRecord>(account, ContainerName)
{
    /// <summary>Blob container of the compound files.</summary>
    public const string ContainerName = StorageLayout.CompoundContainer;
}

/// <summary>A version's model predictions, one Parquet file per chunk of compounds (container <c>predictions</c>).</summary>
public sealed class PredictionFiles(StorageAccount account) : ChunkFiles<PredictionRecord>(account, ContainerName)
{
    /// <summary>Blob container of the prediction files.</summary>
    public const string ContainerName = StorageLayout.PredictionContainer;
}
