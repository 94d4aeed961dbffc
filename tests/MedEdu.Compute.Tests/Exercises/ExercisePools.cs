using System.Globalization;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Data;
using MedEdu.Compute.Exercises;

namespace MedEdu.Compute.Tests.Exercises;

/// <summary>Exercise pools made from the bundled datasets, as the pipeline makes them (structure, descriptors, fingerprint, measured value).</summary>
public static class ExercisePools
{
    /// <summary>ESOL's words and its experimental error (Delaney's data: about 0.5 log units between laboratories).</summary>
    public static PropertyProfile Solubility { get; } = new("aqueous solubility", "log S", "log(mol/L)", 0.5);

    /// <summary>BBBP's words.</summary>
    public static PropertyProfile Bbb { get; } = new("blood-brain barrier penetration", Positive: "crosses the blood-brain barrier", Negative: "does not cross the blood-brain barrier");

    /// <summary>ESOL, with the ESOL equation's published prediction as the "model" and every 10th compound in its "training set".</summary>
    public static IReadOnlyList<ExerciseCompound> Esol => EsolPool.Value;

    /// <summary>BBBP (2,039 parseable rows with a structure), without predictions.</summary>
    public static IReadOnlyList<ExerciseCompound> Bbbp => BbbpPool.Value;

    private static readonly Lazy<List<ExerciseCompound>> EsolPool = new(() =>
        Rows("esol-delaney.csv").AsParallel().AsOrdered().Select((f, i) => Compound($"esol-{i + 1:D6}", f[0], f[^1], double.Parse(f[^2], CultureInfo.InvariantCulture),
            double.Parse(f[1], CultureInfo.InvariantCulture), heldOut: i % 10 != 0)).ToList());

    private static readonly Lazy<List<ExerciseCompound>> BbbpPool = new(() =>
        Rows("bbbp.csv").AsParallel().AsOrdered().Where(f => f[4].Trim().Length > 0)
            .Select(f => (f, ok: TryParse(f[4]))).Where(x => x.ok)
            .Select(x => Compound($"bbbp-{int.Parse(x.f[1], CultureInfo.InvariantCulture):D6}", x.f[2], x.f[4], double.Parse(x.f[3], CultureInfo.InvariantCulture), null, heldOut: false))
            .ToList());

    private static bool TryParse(string smiles)
    {
        try
        {
            SmilesParser.Parse(smiles.Trim());
            return true;
        }
        catch (Exception e) when (e is SmilesException or MedEdu.Compute.Chemistry.Molecules.ChemistryException)
        {
            return false;
        }
    }

    private static ExerciseCompound Compound(string id, string name, string smiles, double measured, double? predicted, bool heldOut) =>
        ExerciseCompound.FromSmiles(id, name, smiles, measured) with { Predicted = predicted, HeldOut = heldOut };

    private static List<string[]> Rows(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestData.DatasetsFolder, file));
        return CsvRecordSplitter.Split(bytes).Skip(1)
            .Select(r => CsvFieldParser.TryParse(bytes.AsSpan(r.Offset, r.Length), out var fields, out _) ? fields.ToArray() : throw new InvalidDataException())
            .ToList();
    }
}
