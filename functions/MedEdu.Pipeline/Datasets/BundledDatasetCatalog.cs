using MedEdu.Compute.Exercises;

namespace MedEdu.Pipeline.Datasets;

/// <summary>The datasets shipped in the repository's <c>datasets/</c> folder and copied beside the binaries.</summary>
public static class BundledDatasetCatalog
{
    /// <summary>Every bundled dataset, by request name.</summary>
    public static IReadOnlyList<BundledDataset> All { get; } =
    [
        new("esol", "esol-delaney.csv",
            new ColumnMapping("smiles", "Compound ID", "measured log solubility in mols per litre"),
            // Inter-laboratory noise of solubility measurements is 0.5-0.7 log units.
            new PropertyProfile("aqueous solubility", "log S", "log(mol/L)", 0.5),
            "Delaney, J. Chem. Inf. Comput. Sci. 2004, 44, 1000-1005"),
        new("freesolv", "freesolv-sampl.csv",
            new ColumnMapping("smiles", "iupac", "expt"),
            // FreeSolv's experimental values carry about 0.6 kcal/mol of uncertainty.
            new PropertyProfile("hydration free energy", "ΔG hyd", "kcal/mol", 0.6),
            "Mobley & Guthrie, J. Comput. Aided Mol. Des. 2014"),
        new("bbbp", "bbbp.csv",
            new ColumnMapping("smiles", "name", "p_np"),
            new PropertyProfile("blood-brain barrier penetration", Positive: "crosses the blood-brain barrier", Negative: "does not cross the blood-brain barrier"),
            "Martins et al., J. Chem. Inf. Model. 2012, 52, 1686-1697"),
        new("aqsoldb", "aqsoldb.csv",
            new ColumnMapping("SMILES", "Name", "Solubility"),
            new PropertyProfile("aqueous solubility", "log S", "log(mol/L)", 0.5),
            "Sorkun, Khetan & Er, Scientific Data 2019, 6:143"),
    ];

    /// <summary>Names accepted in a registration's <c>bundled</c> field.</summary>
    public static IEnumerable<string> Names => All.Select(d => d.Name);

    /// <summary>Finds a bundled dataset by name, ignoring case.</summary>
    public static BundledDataset? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Full path of a bundled dataset file inside <paramref name="folder"/>.</summary>
    public static string PathOf(BundledDataset dataset, string folder) => Path.Combine(folder, dataset.FileName);
}
