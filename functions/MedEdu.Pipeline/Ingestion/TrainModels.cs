using System.Diagnostics;
using MedEdu.Compute.Learning;
using MedEdu.Pipeline.Compounds;
using MedEdu.Pipeline.Datasets;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>
/// Trains the version's model: regression on the measured value, or classification when every
/// value is 0 or 1 (BBBP), on at most <see cref="PipelineOptions.MaxTrainingCompounds"/> of them (a
/// seeded, stratified sample beyond that). A seeded 80/20 split gives honest held-out metrics; the
/// model zip goes to Blob, its metrics to Table, and a prediction with its applicability-domain
/// verdict is written for every compound, one Parquet file per chunk, so exercises rank without
/// retraining. Memory holds the sample's sparse features and one chunk, not the version. Re-running rewrites the same files.
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

        // Pass 1 keeps only the measured compounds' rows and values; pass 2 reads the sample's features.
        var measured = new List<(int Row, double Value)>();
        int total = 0;
        await foreach (var (_, chunk) in compounds.ChunksAsync(key))
        {
            total += chunk.Count;
            measured.AddRange(chunk.Where(c => c.Value is not null).Select(c => (c.RowNumber, c.Value!.Value)));
        }

        if (measured.Count < MinimumCompounds)
        {
            return new TrainModelsOutcome(null, 0, 0, null, null, 0, $"only {measured.Count} compounds have a measured value");
        }

        double readSeconds = watch.Elapsed.TotalSeconds;
        bool binary = measured.All(c => c.Value is 0 or 1);
        var task = binary ? LearningTask.BinaryClassification : LearningTask.Regression;
        var sampleRows = TrainingSample.Choose(measured.Select(m => m.Value).ToList(), options.Value.MaxTrainingCompounds, input.Seed)
            .Select(i => measured[i].Row).ToHashSet();
        measured.Clear();
        var molecules = new List<FeaturizedMolecule>(sampleRows.Count);
        await foreach (var (_, chunk) in compounds.ChunksAsync(key))
        {
            var inSample = chunk.Where(c => sampleRows.Contains(c.RowNumber)).ToList();
            molecules.AddRange(inSample.Count == 0 ? [] : Featurized(inSample, c => (float)c.Value!.Value));
        }

        var split = DatasetSplit.Random(molecules.Count, 0.2, input.Seed);
        var train = split.Train.Select(i => molecules[i]).ToList();
        var test = split.Test.Select(i => molecules[i]).ToList();
        double featurizeSeconds = watch.Elapsed.TotalSeconds;
        var model = PropertyModel.Train(train, task, ModelKind.LightGbm, input.Seed);
        double trainSeconds = watch.Elapsed.TotalSeconds;
        var metrics = model.Evaluate(test);
        var reference = train.Select(m => m.Fingerprint).ToArray();
        if (reference.Length > options.Value.DomainReferenceCompounds)
        {
            new Random(input.Seed).Shuffle(reference);
            reference = reference[..options.Value.DomainReferenceCompounds];
        }

        var domain = ApplicabilityDomain.Fit(reference);

        using var zip = new MemoryStream();
        model.Save(zip);
        zip.Position = 0;
        string blob = await models.SaveModelAsync(key, zip);
        var inTraining = train.Select(m => m.Id).ToHashSet();
        molecules.Clear();
        train.Clear();
        test.Clear();

        // Pass 2 predicts every compound, chunk by chunk, into one prediction file per chunk.
        var modelTime = new Stopwatch();
        var domainTime = new Stopwatch();
        var writeTime = new Stopwatch();
        await foreach (var (firstRow, chunk) in compounds.ChunksAsync(key))
        {
            modelTime.Start();
            var featurized = Featurized(chunk, _ => float.NaN);
            var predicted = model.Predict(featurized);
            modelTime.Stop();
            domainTime.Start();
            var byRow = chunk.ToDictionary(c => c.RowKey);
            var records = new PredictionRecord[featurized.Count];
            Parallel.For(0, featurized.Count, i =>
            {
                var m = featurized[i];
                double nearest = domain.NearestSimilarity(m.Fingerprint);
                records[i] = new PredictionRecord
                {
                    CompoundId = byRow[m.Id].CompoundId,
                    RowNumber = byRow[m.Id].RowNumber,
                    Predicted = Math.Round(predicted[i], 4),
                    NearestSimilarity = Math.Round(nearest, 4),
                    InDomain = nearest >= domain.Threshold,
                    InTraining = inTraining.Contains(m.Id),
                };
            });
            domainTime.Stop();
            writeTime.Start();
            await models.WritePredictionsAsync(key, firstRow, records);
            writeTime.Stop();
        }

        double predictSeconds = watch.Elapsed.TotalSeconds;
        await models.UpsertAsync(new ModelEntity
        {
            PartitionKey = key.DatasetId,
            RowKey = DatasetVersionEntity.RowKeyOf(key.Version),
            Version = key.Version,
            Task = task.ToString(),
            Kind = nameof(ModelKind.LightGbm),
            BlobName = blob,
            TrainCount = split.Train.Length,
            TestCount = split.Test.Length,
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
            "Trained {Task} model for {Version} on {Train} of {Total} compounds in {Seconds:F1} s (read {Read:F1} s, featurize to {Featurized:F1} s, train to {Trained:F1} s, predict to {Predicted:F1} s: model {Model:F1} s, domain {Domain:F1} s, writing {Writing:F1} s; RMSE {Rmse}, AUC {Auc})",
            task, key, split.Train.Length, total, watch.Elapsed.TotalSeconds, readSeconds, featurizeSeconds, trainSeconds, predictSeconds,
            modelTime.Elapsed.TotalSeconds, domainTime.Elapsed.TotalSeconds, writeTime.Elapsed.TotalSeconds, metrics.Rmse, metrics.RocAuc);
        return new TrainModelsOutcome(task.ToString(), split.Train.Length, split.Test.Length, metrics.Rmse, metrics.RocAuc, domain.Threshold, null);
    }

    /// <summary>
    /// The compounds as the model sees them, labelled by <paramref name="label"/>: from the features
    /// ingestion packed beside each compound (no parsing), or, for compounds stored before it did,
    /// parsed again.
    /// </summary>
    private static List<FeaturizedMolecule> Featurized(IReadOnlyList<CompoundEntity> chunk, Func<CompoundEntity, float> label)
    {
        var stored = chunk.Select(c => MoleculeFeaturizer.Unpack(c.ModelFeatures)).ToList();
        return stored.All(f => f is not null)
            ? [.. chunk.Select((c, i) => new FeaturizedMolecule(c.RowKey, c.Smiles, label(c), "", c.FingerprintWords(), stored[i]!))]
            : MoleculeFeaturizer.FeaturizeAll(chunk.Select(c => (c.RowKey, c.Smiles, label(c))).ToList(), withScaffold: false).Molecules;
    }
}
