using Azure;
using Azure.Data.Tables;
using MedEdu.Pipeline.Datasets;

namespace MedEdu.Pipeline.Compounds;

/// <summary>One compound of one dataset version, keyed by its row so re-ingesting a chunk overwrites rather than duplicates.</summary>
public sealed class CompoundEntity : ITableEntity
{
    /// <summary>Partition: the <see cref="DatasetVersionKey.PartitionKey"/>.</summary>
    public string PartitionKey { get; set; } = "";

    /// <summary>Row key: the data row number, zero-padded.</summary>
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>Stable compound id, e.g. <c>esol-000017</c>.</summary>
    public string CompoundId { get; set; } = "";
    public string DatasetId { get; set; } = "";
    public int Version { get; set; }

    /// <summary>1-based data row (the first row after the header is 1).</summary>
    public int RowNumber { get; set; }

    /// <summary>1-based line in the raw file where the row starts.</summary>
    public int Line { get; set; }
    public string? Name { get; set; }
    public string Smiles { get; set; } = "";
    public double? Value { get; set; }

    /// <summary>MedEdu's canonical SMILES of the structure.</summary>
    public string CanonicalSmiles { get; set; } = "";
    public string Formula { get; set; } = "";
    public double MolWt { get; set; }
    public double MolLogP { get; set; }
    public double MolMR { get; set; }
    public double TPSA { get; set; }
    public int HeavyAtomCount { get; set; }
    public int NumHDonors { get; set; }
    public int NumHAcceptors { get; set; }
    public int NumRotatableBonds { get; set; }
    public int RingCount { get; set; }
    public int NumAromaticRings { get; set; }
    public double FractionCSP3 { get; set; }

    /// <summary>Bemis-Murcko scaffold (canonical SMILES; empty for acyclic compounds).</summary>
    public string Scaffold { get; set; } = "";

    /// <summary>Morgan radius-2 2048-bit fingerprint, 256 bytes, bit i in byte i/8 (least significant bit first).</summary>
    public byte[] Fingerprint { get; set; } = [];

    /// <summary>The model's features, packed (<see cref="Compute.Learning.MoleculeFeaturizer.Pack"/>): predictions read them instead of parsing again; empty for compounds stored before.</summary>
    public byte[] ModelFeatures { get; set; } = [];

    /// <summary>The stored fingerprint as packed 64-bit words (2048 bits).</summary>
    public ulong[] FingerprintWords()
    {
        var words = new ulong[32];
        Buffer.BlockCopy(Fingerprint, 0, words, 0, Math.Min(Fingerprint.Length, 256));
        return words;
    }

    /// <summary>Row key for a data row number.</summary>
    public static string RowKeyOf(int rowNumber) => rowNumber.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Compound id for a row of a dataset.</summary>
    public static string IdOf(string datasetId, int rowNumber) => $"{datasetId}-{rowNumber:D6}";

    /// <summary>The dataset id and row of a compound id written by <see cref="IdOf"/> (dataset ids may hold dashes; the row follows the last).</summary>
    public static bool TryParseId(string id, out string datasetId, out int rowNumber)
    {
        int dash = id.LastIndexOf('-');
        datasetId = dash > 0 ? id[..dash] : "";
        rowNumber = 0;
        return dash > 0 && int.TryParse(id.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out rowNumber) && rowNumber > 0;
    }
}
