using System.Diagnostics;
using System.Globalization;
using MedEdu.Compute.Learning;

namespace MedEdu.Bench;

/// <summary>
/// The metrics table of MedEdu's models on every bundled dataset, random (mean of 5 seeds) and
/// scaffold splits, beside MoleculeNet's published test-set results (Wu et al., Chem. Sci. 2018).
/// </summary>
internal static class ModelsReport
{
    private sealed record Dataset(string Name, string File, string Smiles, string Label, LearningTask Task, string Baseline);

    private static readonly Dataset[] All =
    [
        new("ESOL", "esol-delaney.csv", "smiles", "measured log solubility in mols per litre", LearningTask.Regression, "RMSE: RF 1.07, XGBoost 0.99, GC 0.97, MPNN 0.58 (random)"),
        new("FreeSolv", "freesolv-sampl.csv", "smiles", "expt", LearningTask.Regression, "RMSE: RF 2.03, XGBoost 1.74, GC 1.40, MPNN 1.15 (random)"),
        new("BBBP", "bbbp.csv", "smiles", "p_np", LearningTask.BinaryClassification, "ROC-AUC: LogReg 0.699, RF 0.714, KernelSVM 0.729, GC 0.690 (scaffold)"),
        new("AqSolDB", "aqsoldb.csv", "SMILES", "Solubility", LearningTask.Regression, "not in MoleculeNet"),
    ];

    public static int Run(string datasetsFolder, string[] kinds, int seeds, string[] datasets)
    {
        var table = new Table("dataset", "model", "split", "n test", "RMSE", "MAE", "R2", "ROC-AUC", "PR-AUC", "accuracy", "train s");
        foreach (var dataset in All.Where(d => datasets.Contains("all") || datasets.Contains(d.Name, StringComparer.OrdinalIgnoreCase)))
        {
            var rows = Load(datasetsFolder, dataset);
            var (molecules, failures) = MoleculeFeaturizer.FeaturizeAll(rows);
            Console.WriteLine($"{dataset.Name}: {molecules.Count} molecules featurized ({failures.Count} skipped); MoleculeNet {dataset.Baseline}");
            foreach (var kindName in kinds)
            {
                var kind = Enum.Parse<ModelKind>(kindName, ignoreCase: true);
                if (kind == ModelKind.RandomForest && dataset.Task == LearningTask.Regression)
                {
                    continue; // boosted trees are better and much faster for regression here
                }

                var random = Enumerable.Range(0, seeds).Select(seed => Evaluate(molecules, DatasetSplit.Random(molecules.Count, 0.2, seed), dataset.Task, kind, seed)).ToList();
                table.Add(Row(dataset.Name, kind, $"random x{seeds}", random));
                var scaffold = Evaluate(molecules, DatasetSplit.ByScaffold(molecules), dataset.Task, kind, 0);
                table.Add(Row(dataset.Name, kind, "scaffold", [scaffold]));
            }
        }

        table.Print();
        return 0;
    }

    private static (ModelMetrics Metrics, double Seconds, float? L2) Evaluate(List<FeaturizedMolecule> molecules, DatasetSplit split, LearningTask task, ModelKind kind, int seed)
    {
        var watch = Stopwatch.StartNew();
        var model = PropertyModel.Train(split.Train.Select(i => molecules[i]).ToList(), task, kind, seed);
        double seconds = watch.Elapsed.TotalSeconds;
        return (model.Evaluate(split.Test.Select(i => molecules[i]).ToList()), seconds, model.L2);
    }

    private static string[] Row(string dataset, ModelKind kind, string split, List<(ModelMetrics Metrics, double Seconds, float? L2)> runs)
    {
        // The linear baseline names the L2 strengths its inner validation chose (one per run).
        string model = runs.All(r => r.L2 is null) ? kind.ToString()
            : $"{kind} (L2 {string.Join("/", runs.Select(r => r.L2!.Value.ToString("0.####", CultureInfo.InvariantCulture)).Distinct())})";
        string Mean(Func<ModelMetrics, double?> pick) =>
            runs[0].Metrics is var first && pick(first) is null ? "" : runs.Average(r => pick(r.Metrics)!.Value).ToString("F3", CultureInfo.InvariantCulture);
        return [dataset, model, split, runs[0].Metrics.Count.ToString(CultureInfo.InvariantCulture), Mean(m => m.Rmse), Mean(m => m.Mae), Mean(m => m.RSquared),
            Mean(m => m.RocAuc), Mean(m => m.PrAuc), Mean(m => m.Accuracy), runs.Average(r => r.Seconds).ToString("F1", CultureInfo.InvariantCulture)];
    }

    private static List<(string Id, string Smiles, float Label)> Load(string folder, Dataset dataset)
    {
        var smiles = Datasets.Column(folder, dataset.File, dataset.Smiles);
        var labels = Datasets.Column(folder, dataset.File, dataset.Label);
        var rows = new List<(string, string, float)>();
        for (int i = 0; i < smiles.Count; i++)
        {
            if (smiles[i].Length > 0 && float.TryParse(labels[i], NumberStyles.Float, CultureInfo.InvariantCulture, out float label))
            {
                rows.Add(($"{dataset.Name}-{i + 1}", smiles[i], label));
            }
        }

        return rows;
    }
}
