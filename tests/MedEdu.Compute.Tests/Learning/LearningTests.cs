using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Learning;
using MedEdu.Testing;

namespace MedEdu.Compute.Tests.Learning;

[LongRunning(25)]
public sealed class LearningTests
{
    private static readonly Lazy<List<FeaturizedMolecule>> Esol = new(() =>
    {
        var rows = RdkitReferenceRow.All.Where(r => r.Dataset == "esol").ToList();
        var labels = File.ReadLines(Path.Combine(TestData.DatasetsFolder, "esol-delaney.csv")).Skip(1)
            .Select(l => float.Parse(l.Split(',')[^2], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return MoleculeFeaturizer.FeaturizeAll(rows.Select((r, i) => ($"esol-{r.Row}", r.Smiles, labels[i])).ToList()).Molecules;
    });

    [Fact]
    public void SpearmanAndKendallMatchHandComputedValues()
    {
        // Ranks of y with the tie averaged: 1, 2, 3.5, 5, 3.5; rho = 8 / sqrt(10 * 9.5).
        Assert.Equal(8 / Math.Sqrt(95), RankingMetrics.Spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), 12);
        Assert.Equal(1.0, RankingMetrics.Spearman([1, 2, 3], [10, 20, 30]), 12);
        // Two concordant pairs, one discordant: (2 - 1) / 3.
        Assert.Equal(1.0 / 3, RankingMetrics.KendallTau([1, 2, 3], [1, 3, 2]), 12);
        Assert.Equal(-1.0, RankingMetrics.KendallTau([1, 2, 3], [3, 2, 1]), 12);
    }

    [Fact]
    public void PrecisionAtKAndEnrichmentMatchHandComputedValues()
    {
        Assert.Equal(2.0 / 3, RankingMetrics.PrecisionAtK([7, 2, 9], new HashSet<int> { 2, 9, 11 }, 3), 12);
        // 10 compounds, 2 actives; the top 20% (2 compounds) holds 1 active: (1/2) / (2/10) = 2.5.
        Assert.Equal(2.5, RankingMetrics.EnrichmentFactor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], new HashSet<int> { 0, 5 }, 0.2), 12);
    }

    [Fact]
    public void TheScaffoldSplitKeepsEveryScaffoldOnOneSide()
    {
        var molecules = Esol.Value;
        var split = DatasetSplit.ByScaffold(molecules);
        var train = split.Train.Select(i => molecules[i].Scaffold).ToHashSet();
        var valid = split.Valid.Select(i => molecules[i].Scaffold).ToHashSet();
        var test = split.Test.Select(i => molecules[i].Scaffold).ToHashSet();
        Assert.Empty(train.Intersect(test));
        Assert.Empty(train.Intersect(valid));
        Assert.Empty(valid.Intersect(test));
        Assert.Equal(molecules.Count, split.Train.Length + split.Valid.Length + split.Test.Length);
        Assert.InRange(split.Train.Length, (int)(0.75 * molecules.Count), (int)(0.8 * molecules.Count));
    }

    [Fact]
    public void RandomSplitsAreSeededAndDisjoint()
    {
        var a = DatasetSplit.Random(100, 0.2, 7);
        var b = DatasetSplit.Random(100, 0.2, 7);
        Assert.Equal(a.Test, b.Test);
        Assert.Equal(20, a.Test.Length);
        Assert.Empty(a.Train.Intersect(a.Test));
        Assert.All(DatasetSplit.KFold(100, 5, 1), f => Assert.Equal(20, f.Test.Length));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void TheSameSeedGivesIdenticalPredictionsAndASavedModelPredictsTheSame()
    {
        var molecules = Esol.Value;
        var split = DatasetSplit.Random(molecules.Count, 0.2, 3);
        var train = split.Train.Select(i => molecules[i]).ToList();
        var test = split.Test.Select(i => molecules[i]).ToList();
        var first = PropertyModel.Train(train, LearningTask.Regression, ModelKind.LightGbm, 3);
        var second = PropertyModel.Train(train, LearningTask.Regression, ModelKind.LightGbm, 3);
        var predictions = first.Predict(test);
        Assert.Equal(predictions, second.Predict(test));

        using var stream = new MemoryStream();
        first.Save(stream);
        stream.Position = 0;
        Assert.Equal(predictions, PropertyModel.Load(stream, LearningTask.Regression, ModelKind.LightGbm).Predict(test));

        // ESOL random split: the published target is RMSE <= 0.70 log units.
        var metrics = first.Evaluate(test);
        Assert.True(metrics.Rmse < 0.75, $"RMSE {metrics.Rmse}");
    }

    [Fact]
    public void TheApplicabilityDomainFlagsMoleculesUnlikeTheTrainingSet()
    {
        var molecules = Esol.Value;
        var domain = ApplicabilityDomain.Fit(molecules.Take(600).Select(m => m.Fingerprint).ToList());
        Assert.InRange(domain.Threshold, 0.05, 0.9);
        Assert.Equal(1.0, domain.NearestSimilarity(molecules[10].Fingerprint));
        Assert.True(domain.InDomain(molecules[10].Fingerprint));
        var odd = Compute.Chemistry.Fingerprints.MorganFingerprint.BitVector(SmilesParser.Parse("[Se]1[Se][Se][Se][Se][Se][Se]1"));
        Assert.False(domain.InDomain(odd));
    }

    [Fact]
    public void The_pruned_nearest_similarity_is_the_maximum_over_every_training_molecule()
    {
        var molecules = Esol.Value;
        var training = molecules.Take(600).Select(m => m.Fingerprint).ToList();
        var domain = ApplicabilityDomain.Fit(training);
        foreach (var query in molecules.Skip(600).Select(m => m.Fingerprint))
        {
            Assert.Equal(training.Max(t => Tanimoto(t, query)), domain.NearestSimilarity(query));
        }

        // The threshold: 5th percentile of each training molecule's nearest other one, by brute force.
        var nearestOther = training.Select((t, i) => training.Where((_, j) => j != i).Max(o => Tanimoto(o, t))).Order().ToArray();
        Assert.Equal(nearestOther[(int)Math.Floor(0.05 * (nearestOther.Length - 1))], domain.Threshold);
    }

    private static double Tanimoto(ulong[] x, ulong[] y)
    {
        int both = 0, either = 0;
        for (int w = 0; w < x.Length; w++)
        {
            both += System.Numerics.BitOperations.PopCount(x[w] & y[w]);
            either += System.Numerics.BitOperations.PopCount(x[w] | y[w]);
        }

        return either == 0 ? 0 : (double)both / either;
    }
}
