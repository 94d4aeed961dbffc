using MedEdu.Compute.Learning;

namespace MedEdu.Compute.Campaigns;

/// <summary>
/// The model's side of a campaign: after each round, a bagged ensemble of LightGBM regressors
/// (Morgan counts and descriptors; each member on a seeded bootstrap of what is revealed) predicts
/// every unbought compound; the ensemble's mean is the prediction and its spread the uncertainty.
/// The learning rules open by buying a spread of dissimilar compounds (max-min Tanimoto from a seeded
/// first pick), and go back to that while every revealed value is the same (no active found yet);
/// the random rule picks at random throughout.
/// </summary>
public sealed class ActiveLearner(IReadOnlyList<FeaturizedMolecule> library, AcquisitionRule rule, int seed, int members = 5, double exploration = 1.0)
{
    private readonly Random _random = new(seed);

    /// <summary>The next round's picks (library indices) for <paramref name="campaign"/>.</summary>
    public IReadOnlyList<int> Choose(DiscoveryCampaign campaign)
    {
        var bought = campaign.Revealed.ToHashSet();
        var open = Enumerable.Range(0, library.Count).Where(i => !bought.Contains(i)).ToList();
        int n = Math.Min(campaign.PicksPerRound, open.Count);
        if (rule == AcquisitionRule.Random)
        {
            return [.. open.OrderBy(_ => _random.Next()).Take(n)];
        }

        // Nothing to learn yet (too few values, or every one the same, as before the first active):
        // explore by buying what is least like anything bought so far.
        if (campaign.Revealed.Count < 4 || campaign.Revealed.Select(campaign.ValueOf).Distinct().Count() < 2)
        {
            return Diverse(campaign.Revealed, open, n);
        }

        var (mean, spread) = Predict(campaign, open);
        var score = rule == AcquisitionRule.Greedy ? mean : mean.Zip(spread, (m, s) => m + (exploration * s)).ToArray();
        return [.. Enumerable.Range(0, open.Count).OrderByDescending(k => score[k]).ThenBy(k => open[k]).Take(n).Select(k => open[k])];
    }

    private List<int> Diverse(IReadOnlyList<int> bought, List<int> open, int n)
    {
        // With nothing bought, a seeded random compound anchors the spread.
        var anchors = bought.Count > 0 ? bought : [open[_random.Next(open.Count)]];
        var nearest = open.ToDictionary(i => i, i => anchors.Max(b => Exercises.ExerciseGenerator.Tanimoto(library[i].Fingerprint, library[b].Fingerprint)));
        var chosen = new List<int>();
        while (chosen.Count < n)
        {
            int next = nearest.Where(x => !chosen.Contains(x.Key)).OrderBy(x => x.Value).ThenBy(x => x.Key).First().Key;
            chosen.Add(next);
            foreach (int i in nearest.Keys.ToList())
            {
                nearest[i] = Math.Max(nearest[i], Exercises.ExerciseGenerator.Tanimoto(library[i].Fingerprint, library[next].Fingerprint));
            }
        }

        return chosen;
    }

    private (double[] Mean, double[] Spread) Predict(DiscoveryCampaign campaign, List<int> open)
    {
        var revealed = campaign.Revealed.Select(i => library[i] with { Label = (float)campaign.ValueOf(i) }).ToList();
        var candidates = open.Select(i => library[i]).ToList();
        var predictions = new List<float[]>();
        var settings = new TreeSettings(Trees: 60, Leaves: 8, LearningRate: 0.1, MinLeaf: 2, FeatureFraction: 0.8);
        for (int m = 0; m < members; m++)
        {
            var bootstrap = Enumerable.Range(0, revealed.Count).Select(_ => revealed[_random.Next(revealed.Count)]).ToList();
            if (bootstrap.Select(m => m.Label).Distinct().Count() < 2)
            {
                // A bootstrap of one value has nothing to split on (LightGBM grows no tree): it predicts that value.
                predictions.Add([.. candidates.Select(_ => bootstrap[0].Label)]);
                continue;
            }

            var model = PropertyModel.Train(bootstrap, LearningTask.Regression, ModelKind.LightGbm, seed + m, settings);
            predictions.Add(model.Predict(candidates));
        }

        var mean = new double[open.Count];
        var spread = new double[open.Count];
        for (int k = 0; k < open.Count; k++)
        {
            double mu = predictions.Average(p => p[k]);
            mean[k] = mu;
            spread[k] = Math.Sqrt(predictions.Average(p => (p[k] - mu) * (p[k] - mu)));
        }

        return (mean, spread);
    }
}
