using MedEdu.Pipeline.Datasets;

namespace MedEdu.Pipeline.Compounds;

/// <summary>
/// One compound as a row of a version's Parquet files: the columns anyone can read with pandas,
/// polars or DuckDB (canonical SMILES, name, value, descriptors, scaffold, fingerprint).
/// </summary>
public sealed class CompoundRecord
{
    public string CompoundId { get; set; } = "";
    public int RowNumber { get; set; }
    public int Line { get; set; }
    public string? Name { get; set; }

    /// <summary>The SMILES as the source file gave it.</summary>
    public string Smiles { get; set; } = "";
    public string CanonicalSmiles { get; set; } = "";
    public double? Value { get; set; }
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
    public string Scaffold { get; set; } = "";

    /// <summary>Morgan radius-2 2048-bit fingerprint, 256 bytes, bit i in byte i/8 (least significant bit first).</summary>
    public byte[] Fingerprint { get; set; } = [];

    /// <summary>The model's features, packed: 16 descriptors as floats, then (bin, count) pairs of the non-zero Morgan bins.</summary>
    public byte[] ModelFeatures { get; set; } = [];

    /// <summary>The row of a stored compound.</summary>
    public static CompoundRecord From(CompoundEntity c) => new()
    {
        CompoundId = c.CompoundId,
        RowNumber = c.RowNumber,
        Line = c.Line,
        Name = c.Name,
        Smiles = c.Smiles,
        CanonicalSmiles = c.CanonicalSmiles,
        Value = c.Value,
        Formula = c.Formula,
        MolWt = c.MolWt,
        MolLogP = c.MolLogP,
        MolMR = c.MolMR,
        TPSA = c.TPSA,
        HeavyAtomCount = c.HeavyAtomCount,
        NumHDonors = c.NumHDonors,
        NumHAcceptors = c.NumHAcceptors,
        NumRotatableBonds = c.NumRotatableBonds,
        RingCount = c.RingCount,
        NumAromaticRings = c.NumAromaticRings,
        FractionCSP3 = c.FractionCSP3,
        Scaffold = c.Scaffold,
        Fingerprint = c.Fingerprint,
        ModelFeatures = c.ModelFeatures,
    };

    /// <summary>The compound of a version this row describes.</summary>
    public CompoundEntity To(DatasetVersionKey key) => new()
    {
        PartitionKey = key.PartitionKey,
        RowKey = CompoundEntity.RowKeyOf(RowNumber),
        DatasetId = key.DatasetId,
        Version = key.Version,
        CompoundId = CompoundId,
        RowNumber = RowNumber,
        Line = Line,
        Name = Name,
        Smiles = Smiles,
        CanonicalSmiles = CanonicalSmiles,
        Value = Value,
        Formula = Formula,
        MolWt = MolWt,
        MolLogP = MolLogP,
        MolMR = MolMR,
        TPSA = TPSA,
        HeavyAtomCount = HeavyAtomCount,
        NumHDonors = NumHDonors,
        NumHAcceptors = NumHAcceptors,
        NumRotatableBonds = NumRotatableBonds,
        RingCount = RingCount,
        NumAromaticRings = NumAromaticRings,
        FractionCSP3 = FractionCSP3,
        Scaffold = Scaffold,
        Fingerprint = Fingerprint,
        ModelFeatures = ModelFeatures,
    };
}
