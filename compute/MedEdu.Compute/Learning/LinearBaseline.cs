namespace MedEdu.Compute.Learning;

/// <summary>
/// The linear baseline's regularisation, chosen the honest way: by validation inside the training
/// data (a seeded 80/20 split of it), never by the test set. The lesson on model choice compares
/// trees with this baseline, so it must be as good as a linear model can be, not a strawman.
/// </summary>
public static class LinearBaseline
{
    /// <summary>L2 strengths tried, weakest first.</summary>
    public static IReadOnlyList<float> L2Grid { get; } = [1e-2f, 1e-1f, 1f, 10f, 100f, 1e3f, 1e4f, 1e5f];

    /// <summary>The L2 strength with the best validation metric (lowest RMSE, or highest ROC-AUC) on an inner split of <paramref name="training"/>.</summary>
    public static float ChooseL2(IReadOnlyList<FeaturizedMolecule> training, LearningTask task, int seed)
    {
        // Validation on scaffolds the inner fit has not seen: the strength that generalises to new
        // chemotypes, which is what a student's compounds are (a random inner split picks too weak a one).
        var inner = DatasetSplit.ByScaffold(training, 0, 0.2);
        if (!Usable(inner, training, task))
        {
            inner = DatasetSplit.Random(training.Count, 0.2, seed);
        }

        var fit = inner.Train.Select(i => training[i]).ToList();
        var validation = inner.Test.Select(i => training[i]).ToList();
        float best = L2Grid[0];
        double bestLoss = double.MaxValue;
        foreach (float l2 in L2Grid)
        {
            var metrics = PropertyModel.Train(fit, task, ModelKind.Linear, seed, linearL2: l2).Evaluate(validation);
            double loss = task == LearningTask.Regression ? metrics.Rmse ?? double.MaxValue : -(metrics.RocAuc ?? 0);
            if (loss < bestLoss)
            {
                (best, bestLoss) = (l2, loss);
            }
        }

        return best;
    }

    /// <summary>A validation set of at least 10 molecules, with both labels for a classification.</summary>
    private static bool Usable(DatasetSplit split, IReadOnlyList<FeaturizedMolecule> training, LearningTask task) =>
        split.Test.Length >= 10 && split.Train.Length >= 10
        && (task == LearningTask.Regression || split.Test.Select(i => training[i].Label > 0.5f).Distinct().Count() == 2);
}
