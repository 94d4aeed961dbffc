using MedEdu.Compute.Learning;

namespace MedEdu.Compute.Tests.Learning;

/// <summary>The linear baseline is an honest one: its L2 strength comes from validation inside the training data, and it separates BBBP well.</summary>
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
}
