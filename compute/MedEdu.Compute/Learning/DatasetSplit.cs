namespace MedEdu.Compute.Learning;

/// <summary>Train/test partitions of a featurized dataset.</summary>
/// <param name="Train">Indices of the training molecules.</param>
/// <param name="Test">Indices of the test molecules.</param>
public sealed record DatasetSplit(int[] Train, int[] Test)
{
    /// <summary>Seeded random split with <paramref name="testFraction"/> of the molecules held out.</summary>
    public static DatasetSplit Random(int count, double testFraction, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        int test = (int)Math.Round(count * testFraction);
        return new DatasetSplit([.. order[test..].Order()], [.. order[..test].Order()]);
    }

    /// <summary>
    /// MoleculeNet's (DeepChem's) scaffold split: molecules grouped by Bemis-Murcko scaffold,
    /// groups sorted largest first (ties: the group whose first molecule comes later goes first);
    /// each group goes to training while training stays within 1 - valid - test of the data, else
    /// to validation while that stays within 1 - test, else to test. No scaffold is on two sides;
    /// the test set holds the rarest scaffolds. Validation molecules are in <see cref="Valid"/>.
    /// </summary>
    public static DatasetSplit ByScaffold(IReadOnlyList<FeaturizedMolecule> molecules, double validFraction = 0.1, double testFraction = 0.1)
    {
        var groups = molecules
            .Select((m, i) => (m.Scaffold, i))
            .GroupBy(x => x.Scaffold)
            .Select(g => g.Select(x => x.i).ToArray())
            .OrderByDescending(g => g.Length)
            .ThenByDescending(g => g[0])
            .ToList();
        double trainCutoff = (1 - validFraction - testFraction) * molecules.Count;
        double validCutoff = (1 - testFraction) * molecules.Count;
        var train = new List<int>();
        var valid = new List<int>();
        var test = new List<int>();
        foreach (var group in groups)
        {
            if (train.Count + group.Length > trainCutoff)
            {
                (train.Count + valid.Count + group.Length > validCutoff ? test : valid).AddRange(group);
            }
            else
            {
                train.AddRange(group);
            }
        }

        return new DatasetSplit([.. train.Order()], [.. test.Order()]) { Valid = [.. valid.Order()] };
    }

    /// <summary>Validation molecules (scaffold split only; empty otherwise).</summary>
    public int[] Valid { get; init; } = [];

    /// <summary>
    /// Seeded k-fold cross-validation by scaffold: whole scaffold groups, shuffled, each to the fold
    /// with the fewest molecules so far, so no scaffold is on both sides of any fold.
    /// </summary>
    public static IReadOnlyList<DatasetSplit> ScaffoldKFold(IReadOnlyList<FeaturizedMolecule> molecules, int folds, int seed)
    {
        var groups = molecules.Select((m, i) => (m.Scaffold, i)).GroupBy(x => x.Scaffold).Select(g => g.Select(x => x.i).ToArray()).ToArray();
        new Random(seed).Shuffle(groups);
        var fold = new List<int>[folds];
        for (int f = 0; f < folds; f++)
        {
            fold[f] = [];
        }

        foreach (var group in groups.OrderByDescending(g => g.Length > molecules.Count / (2 * folds)))
        {
            fold.MinBy(f => f.Count)!.AddRange(group);
        }

        return Enumerable.Range(0, folds).Select(f => new DatasetSplit(
            [.. Enumerable.Range(0, folds).Where(o => o != f).SelectMany(o => fold[o]).Order()],
            [.. fold[f].Order()])).ToList();
    }

    /// <summary>Seeded k-fold cross-validation splits.</summary>
    public static IReadOnlyList<DatasetSplit> KFold(int count, int folds, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        return Enumerable.Range(0, folds).Select(f =>
        {
            var test = order.Where((_, i) => i % folds == f).Order().ToArray();
            var train = order.Where((_, i) => i % folds != f).Order().ToArray();
            return new DatasetSplit(train, test);
        }).ToList();
    }
}
