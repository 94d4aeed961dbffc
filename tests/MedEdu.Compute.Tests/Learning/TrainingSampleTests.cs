using MedEdu.Compute.Learning;

namespace MedEdu.Compute.Tests.Learning;

/// <summary>The training sample of a large dataset: its size, spread, class balance and seed.</summary>
public sealed class TrainingSampleTests
{
    [Fact]
    public void Small_datasets_are_used_whole()
    {
        Assert.Equal([0, 1, 2], TrainingSample.Choose([3.0, 1.0, 2.0], 10, seed: 1));
    }

    [Fact]
    public void Measured_values_keep_their_spread_one_pick_per_quantile_band()
    {
        var random = new Random(5);
        var values = Enumerable.Range(0, 100_000).Select(_ => (random.NextDouble() * 12) - 10).ToList();
        var sample = TrainingSample.Choose(values, 1000, seed: 7);
        Assert.Equal(1000, sample.Length);
        Assert.Equal(sample.Distinct().Order(), sample);
        var picked = sample.Select(i => values[i]).Order().ToList();
        var all = values.Order().ToList();
        for (int decile = 1; decile < 10; decile++)
        {
            // The sample's deciles sit where the dataset's do (within a band or two).
            Assert.InRange(picked[decile * 100], all[(decile * 10_000) - 300], all[(decile * 10_000) + 300]);
        }

        Assert.True(picked[0] <= all[100] && picked[^1] >= all[^101], "the extremes are represented");
        Assert.Equal(sample, TrainingSample.Choose(values, 1000, seed: 7));
        Assert.NotEqual(sample, TrainingSample.Choose(values, 1000, seed: 8));
    }

    [Fact]
    public void Labels_keep_their_proportions()
    {
        var values = Enumerable.Range(0, 20_000).Select(i => i % 4 == 0 ? 0.0 : 1.0).ToList(); // 25% negatives
        var sample = TrainingSample.Choose(values, 2000, seed: 3);
        Assert.Equal(2000, sample.Length);
        Assert.Equal(500, sample.Count(i => values[i] == 0));
    }
}
