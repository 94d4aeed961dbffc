using System.Diagnostics;
using MedEdu.Compute.Learning;
using MedEdu.Pipeline.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>
/// Trains the version's model: regression on the measured value, or classification when every
/// value is 0 or 1 (BBBP). A seeded 80/20 split gives honest held-out metrics; the model zip goes
/// to Blob, its metrics to Table, and a prediction with its applicability-domain verdict is stored
/// for every compound, so exercises rank without retraining. Re-running overwrites the same keys.
/// </summary>
public sealed class TrainModels(CompoundRepository compounds, ModelRepository models, TimeProvider clock, Microsoft.Extensions.Options.IOptions<PipelineOptions> options, ILogger<TrainModels> logger)
    : TaskActivity<TrainModelsInput, TrainModelsOutcome>
{
    /// <summary>Fewest labelled compounds worth a model.</summary>
    public const int MinimumCompounds = 20;

    /// <inheritdoc />
    public override async Task<TrainModelsOutcome> RunAsync(TaskActivityContext context, TrainModelsInput input)
    {
        if (!options.Value.TrainModels)
        {
            return new TrainModelsOutcome(null, 0, 0, null, null, 0, "model training is off (MedEdu:TrainModels=false)");
        }

        var watch = Stopwatch.StartNew();
        var key = new DatasetVersionKey(input.DatasetId, input.Version);
        var stored = (await compounds.AllAsync(key)).Where(c => c.Value is not null).ToList();
        if (stored.Count < MinimumCompounds)
        {
            return new TrainModelsOutcome(null, 0, 0, null, null, 0, $"only {stored.Count} compounds have a measured value");
        }

        double readSeconds = watch.Elapsed.TotalSeconds;
        bool binary = stored.All(c => c.Value is 0 or 1);
        var task = binary ? LearningTask.BinaryClassification : LearningTask.Regression;
        var (molecules, _) = MoleculeFeaturizer.FeaturizeAll(stored.Select(c => (c.RowKey, c.Smiles, (float)c.Value!.Value)).ToList());
        var split = DatasetSplit.Random(molecules.Count, 0.2, input.Seed);
        var train = split.Train.Select(i => molecules[i]).ToList();
        var test = split.Test.Select(i => molecules[i]).ToList();
        double featurizeSeconds = watch.Elapsed.TotalSeconds;
        var model = PropertyModel.Train(train, task, ModelKind.LightGbm, input.Seed);
        double trainSeconds = watch.Elapsed.TotalSeconds;
        var metrics = model.Evaluate(test);
        var domain = ApplicabilityDomain.Fit(train.Select(m => m.Fingerprint).ToList());

        using var zip = new MemoryStream();
        model.Save(zip);
        zip.Position = 0;
        string blob = await models.SaveModelAsync(key, zip);

        var predicted = model.Predict(molecules);
        var inTraining = split.Train.ToHashSet();
        var byRow = stored.ToDictionary(c => c.RowKey);
        var predictions = new PredictionEntity[molecules.Count];
        Parallel.For(0, molecules.Count, i =>
        {
            var m = molecules[i];
            double nearest = domain.NearestSimilarity(m.Fingerprint);
            predictions[i] = new PredictionEntity
            {
                PartitionKey = key.PartitionKey,
                RowKey = m.Id,
                CompoundId = byRow[m.Id].CompoundId,
                Predicted = Math.Round(predicted[i], 4),
                NearestSimilarity = Math.Round(nearest, 4),
                InDomain = nearest >= domain.Threshold,
                InTraining = inTraining.Contains(i),
            };
        });
        double predictSeconds = watch.Elapsed.TotalSeconds;
        await models.UpsertPredictionsAsync(predictions);
        await models.UpsertAsync(new ModelEntity
        {
            PartitionKey = key.DatasetId,
            RowKey = DatasetVersionEntity.RowKeyOf(key.Version),
            Version = key.Version,
            Task = task.ToString(),
            Kind = nameof(ModelKind.LightGbm),
            BlobName = blob,
            TrainCount = train.Count,
            TestCount = test.Count,
            Rmse = metrics.Rmse,
            Mae = metrics.Mae,
            RSquared = metrics.RSquared,
            RocAuc = metrics.RocAuc,
            PrAuc = metrics.PrAuc,
            Accuracy = metrics.Accuracy,
            DomainThreshold = Math.Round(domain.Threshold, 4),
            TrainingSeconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
            Seed = input.Seed,
            TrainedAt = clock.GetUtcNow(),
        });
        logger.LogInformation(
            "Trained {Task} model for {Version} on {Train} compounds in {Seconds:F1} s (read {Read:F1} s, featurize to {Featurized:F1} s, train to {Trained:F1} s, predict to {Predicted:F1} s; RMSE {Rmse}, AUC {Auc})",
            task, key, train.Count, watch.Elapsed.TotalSeconds, readSeconds, featurizeSeconds, trainSeconds, predictSeconds, metrics.Rmse, metrics.RocAuc);
        return new TrainModelsOutcome(task.ToString(), train.Count, test.Count, metrics.Rmse, metrics.RocAuc, domain.Threshold, null);
    }
}
