using MedEdu.Compute.Learning;
using MedEdu.Testing;

namespace MedEdu.Compute.Tests.Learning;

/// <summary>The linear baseline is an honest one: its L2 strength comes from validation inside the training data, and it separates BBBP well.</summary>
[LongRunning(70)]
[Trait("Category", "Slow")]
public sealed class LinearBaselineTests
{
    [Fact]
    public void ALogisticRegressionWithItsOwnRegularisationSeparatesBbbp()
    {
        var molecules = MoleculeFeaturizer.FeaturizeAll(Exercises.ExercisePools.Bbbp.Select(c => (c.Id, c.Smiles, (float)c.Measured!.Value)).ToList()).Molecules;
        var split = DatasetSplit.Random(molecules.Count, 0.2, seed: 1);
        var model = PropertyModel.Train(split.Train.Select(i => molecules[i]).ToList(), LearningTask.BinaryClassification, ModelKind.Linear, seed: 1);

        Assert.Contains(model.L2!.Value, LinearBaseline.L2Grid);
        var metrics = model.Evaluate(split.Test.Select(i => molecules[i]).ToList());
        Assert.True(metrics.RocAuc >= 0.85, $"ROC-AUC {metrics.RocAuc} (it was 0.52 before the baseline chose its regularisation)");
    }

    [Fact]
    public void On_new_scaffolds_the_baseline_matches_moleculenets_logistic_regression()
    {
        // MoleculeNet (Wu et al. 2018): logistic regression 0.699 ROC-AUC on BBBP's scaffold split.
        var molecules = MoleculeFeaturizer.FeaturizeAll(Exercises.ExercisePools.Bbbp.Select(c => (c.Id, c.Smiles, (float)c.Measured!.Value)).ToList()).Molecules;
        var split = DatasetSplit.ByScaffold(molecules);
        var model = PropertyModel.Train(split.Train.Select(i => molecules[i]).ToList(), LearningTask.BinaryClassification, ModelKind.Linear, seed: 0);
        var metrics = model.Evaluate(split.Test.Select(i => molecules[i]).ToList());
        Assert.True(metrics.RocAuc >= 0.69, $"scaffold ROC-AUC {metrics.RocAuc} with L2 {model.L2} (0.633 when every slot was standardised)");
    }

    [Fact]
    public void A_ridge_regression_predicts_esol_within_one_log_unit()
    {
        var molecules = MoleculeFeaturizer.FeaturizeAll(Exercises.ExercisePools.Esol.Select(c => (c.Id, c.Smiles, (float)c.Measured!.Value)).ToList()).Molecules;
        var split = DatasetSplit.Random(molecules.Count, 0.2, seed: 0);
        var model = PropertyModel.Train(split.Train.Select(i => molecules[i]).ToList(), LearningTask.Regression, ModelKind.Linear, seed: 0);
        var metrics = model.Evaluate(split.Test.Select(i => molecules[i]).ToList());
        Assert.True(metrics.Rmse <= 1.0, $"RMSE {metrics.Rmse} (MoleculeNet's random forest: 1.07)");
    }
}
