using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace MedEdu.Compute.Learning;

/// <summary>What a model predicts.</summary>
public enum LearningTask
{
    /// <summary>A measured value (solubility, hydration energy).</summary>
    Regression,

    /// <summary>A yes/no label (crosses the blood-brain barrier).</summary>
    BinaryClassification,
}

/// <summary>The learner.</summary>
public enum ModelKind
{
    /// <summary>Gradient-boosted trees, ML.NET's FastTree.</summary>
    FastTree,

    /// <summary>Gradient-boosted trees, LightGBM.</summary>
    LightGbm,

    /// <summary>A linear baseline on fingerprint presence and scaled descriptors (SDCA regression, L-BFGS logistic regression), its L2 chosen by scaffold cross-validation inside the training data.</summary>
    Linear,

    /// <summary>A random forest, ML.NET's FastForest (best on BBBP's scaffold split).</summary>
    RandomForest,
}

/// <summary>Boosted-tree hyperparameters (LightGBM's learning rate; FastTree uses 1.6x, its usual scale).</summary>
public sealed record TreeSettings(int Trees, int Leaves, double LearningRate, int MinLeaf, double FeatureFraction)
{
    /// <summary>Defaults per task, chosen on random and scaffold splits of the bundled datasets (see the models report).</summary>
    public static TreeSettings For(LearningTask task) => task == LearningTask.Regression
        ? new TreeSettings(600, 24, 0.05, 4, 0.6)
        : new TreeSettings(400, 24, 0.05, 4, 0.6);
}

/// <summary>Metrics of a model on a test set (regression or classification fields filled).</summary>
public sealed record ModelMetrics(int Count, double? Rmse, double? Mae, double? RSquared, double? RocAuc, double? PrAuc, double? Accuracy);

/// <summary>
/// An ML.NET model over <see cref="MoleculeFeaturizer"/> features: a readable chain of estimators
/// on a schema with a Label and a Features vector. Training is seeded; LightGBM and FastTree run
/// single-threaded so the same seed gives the same predictions.
/// </summary>
public sealed class PropertyModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly SchemaDefinition _schema;

    private PropertyModel(MLContext ml, ITransformer model, LearningTask task, ModelKind kind, float? l2 = null)
    {
        _ml = ml;
        _model = model;
        Task = task;
        Kind = kind;
        L2 = l2;
        _schema = Schema(task);
    }

    /// <summary>The linear baseline's L2 strength (chosen by inner validation unless given); null for trees.</summary>
    public float? L2 { get; }

    /// <summary>Regression or classification.</summary>
    public LearningTask Task { get; }

    /// <summary>The learner used.</summary>
    public ModelKind Kind { get; }

    /// <summary>Trains on <paramref name="training"/>; a linear model without <paramref name="linearL2"/> chooses it by validation inside the training data.</summary>
    public static PropertyModel Train(IReadOnlyList<FeaturizedMolecule> training, LearningTask task, ModelKind kind, int seed, TreeSettings? settings = null, float? linearL2 = null)
    {
        var t = settings ?? TreeSettings.For(task);
        float l2 = kind == ModelKind.Linear ? linearL2 ?? LinearBaseline.ChooseL2(training, task, seed) : 0f;
        var ml = new MLContext(seed);
        var data = Load(ml, training, task, kind);
        IEstimator<ITransformer> pipeline = (task, kind) switch
        {
            (LearningTask.Regression, ModelKind.FastTree) => ml.Regression.Trainers.FastTree(FastTree(new FastTreeRegressionTrainer.Options(), t, seed)),
            (LearningTask.Regression, ModelKind.LightGbm) => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                NumberOfIterations = t.Trees,
                NumberOfLeaves = t.Leaves,
                LearningRate = t.LearningRate,
                MinimumExampleCountPerLeaf = t.MinLeaf,
                Seed = seed,
                NumberOfThreads = 1, // one thread keeps training reproducible
                Booster = new GradientBooster.Options { FeatureFraction = t.FeatureFraction },
            }),
            (LearningTask.Regression, ModelKind.Linear) => ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { NumberOfThreads = 1, L2Regularization = l2, MaximumNumberOfIterations = 200 }),
            (LearningTask.BinaryClassification, ModelKind.FastTree) => ml.BinaryClassification.Trainers.FastTree(FastTree(new FastTreeBinaryTrainer.Options(), t, seed)),
            (LearningTask.BinaryClassification, ModelKind.LightGbm) => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                NumberOfIterations = t.Trees,
                NumberOfLeaves = t.Leaves,
                LearningRate = t.LearningRate,
                MinimumExampleCountPerLeaf = t.MinLeaf,
                Seed = seed,
                NumberOfThreads = 1, // one thread keeps training reproducible
                Booster = new GradientBooster.Options { FeatureFraction = t.FeatureFraction },
            }),
            (LearningTask.Regression, ModelKind.RandomForest) => ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
            {
                NumberOfTrees = 500,
                NumberOfLeaves = 64,
                MinimumExampleCountPerLeaf = 2,
                FeatureFraction = 0.1,
                NumberOfThreads = 1,
            }),
            (LearningTask.BinaryClassification, ModelKind.RandomForest) => ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
            {
                NumberOfTrees = 500,
                NumberOfLeaves = 64,
                MinimumExampleCountPerLeaf = 2,
                FeatureFraction = 0.05,
                NumberOfThreads = 1,
            }),
            _ => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1, L2Regularization = l2, L1Regularization = 0 }),
        };
        return new PropertyModel(ml, pipeline.Fit(data), task, kind, kind == ModelKind.Linear ? l2 : null);
    }

    /// <summary>The shared boosted-tree settings for either FastTree task (its learning rate runs 1.6x LightGBM's).</summary>
    private static TOptions FastTree<TOptions>(TOptions options, TreeSettings t, int seed)
        where TOptions : BoostedTreeOptions
    {
        options.NumberOfTrees = t.Trees;
        options.NumberOfLeaves = t.Leaves;
        options.LearningRate = t.LearningRate * 1.6;
        options.MinimumExampleCountPerLeaf = t.MinLeaf;
        options.FeatureFraction = t.FeatureFraction;
        options.Seed = seed;
        options.NumberOfThreads = 1;
        return options;
    }

    /// <summary>Predicted value (regression) or probability of class 1 (classification), one per molecule.</summary>
    public float[] Predict(IReadOnlyList<FeaturizedMolecule> molecules)
    {
        var scored = _model.Transform(Load(_ml, molecules, Task, Kind));
        // Forests give an uncalibrated score; every classifier's Score orders molecules the same way.
        string column = Task == LearningTask.Regression || Kind == ModelKind.RandomForest ? "Score" : "Probability";
        return scored.GetColumn<float>(column).ToArray();
    }

    /// <summary>Metrics on a labelled test set, from ML.NET's evaluators.</summary>
    public ModelMetrics Evaluate(IReadOnlyList<FeaturizedMolecule> test)
    {
        var scored = _model.Transform(Load(_ml, test, Task, Kind));
        if (Task == LearningTask.Regression)
        {
            var m = _ml.Regression.Evaluate(scored);
            return new ModelMetrics(test.Count, m.RootMeanSquaredError, m.MeanAbsoluteError, m.RSquared, null, null, null);
        }

        var c = _ml.BinaryClassification.EvaluateNonCalibrated(scored);
        return new ModelMetrics(test.Count, null, null, null, c.AreaUnderRocCurve, c.AreaUnderPrecisionRecallCurve, c.Accuracy);
    }

    /// <summary>Writes the model as an ML.NET zip.</summary>
    public void Save(Stream stream)
    {
        var inputSchema = Load(_ml, [], Task).Schema;
        _ml.Model.Save(_model, inputSchema, stream);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static PropertyModel Load(Stream stream, LearningTask task, ModelKind kind)
    {
        var ml = new MLContext(0);
        var model = ml.Model.Load(stream, out _);
        return new PropertyModel(ml, model, task, kind);
    }

    private static IDataView Load(MLContext ml, IReadOnlyList<FeaturizedMolecule> molecules, LearningTask task, ModelKind kind = ModelKind.LightGbm) =>
        task == LearningTask.Regression
            ? ml.Data.LoadFromEnumerable(molecules.Select(m => new RegressionRow { Label = m.Label, Features = Vector(m, kind) }), Schema(task))
            : ml.Data.LoadFromEnumerable(molecules.Select(m => new ClassificationRow { Label = m.Label > 0.5f, Features = Vector(m, kind) }), Schema(task));

    /// <summary>
    /// The feature vector a learner sees. Trees take the counts and descriptors as they are; the
    /// linear baseline takes fingerprint presence (0/1, as MoleculeNet's logistic regression does)
    /// and the descriptors over a typical drug-like spread (<see cref="LinearDescriptorScale"/>).
    /// Standardising every slot instead blows rare bins up to the descriptors' weight, which is what
    /// made the linear baseline overfit new scaffolds.
    /// </summary>
    private static VBuffer<float> Vector(FeaturizedMolecule m, ModelKind kind)
    {
        if (kind != ModelKind.Linear)
        {
            return m.Features.ToVector();
        }

        var indices = m.Features.Indices.ToArray();
        var values = m.Features.Values.ToArray();
        for (int i = 0; i < indices.Length; i++)
        {
            int descriptor = indices[i] - MoleculeFeaturizer.FingerprintBins;
            values[i] = descriptor < 0 ? 1f : values[i] / LinearDescriptorScale[descriptor];
        }

        return new VBuffer<float>(MoleculeFeaturizer.FeatureCount, indices.Length, values, indices);
    }

    /// <summary>A typical spread of each descriptor among drug-like molecules, in <see cref="MoleculeFeaturizer.DescriptorNames"/> order.</summary>
    private static readonly float[] LinearDescriptorScale = [100, 2, 30, 30, 8, 1.5f, 2.5f, 3, 3, 40, 1.5f, 1, 1, 1, 0.3f, 0.3f];

    private static SchemaDefinition Schema(LearningTask task)
    {
        var schema = SchemaDefinition.Create(task == LearningTask.Regression ? typeof(RegressionRow) : typeof(ClassificationRow));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, MoleculeFeaturizer.FeatureCount);
        return schema;
    }

    /// <summary>A regression example: the label and the sparse feature vector (shared, not copied).</summary>
    private sealed class RegressionRow
    {
        public float Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }

    /// <summary>A classification example.</summary>
    private sealed class ClassificationRow
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }
}
