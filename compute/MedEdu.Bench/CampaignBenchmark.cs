using System.Diagnostics;
using System.Globalization;
using MedEdu.Compute.Campaigns;
using MedEdu.Compute.Exercises;

namespace MedEdu.Bench;

/// <summary>
/// What a discovery campaign costs: building it when a class is created (featurizing the library,
/// the PCA map, the three opponents' games) and refereeing one student round (replaying the stored
/// rounds, then the new one), on AqSolDB libraries of increasing size, as ratios against the
/// smallest library.
/// </summary>
internal static class CampaignBenchmark
{
    public static int Run(string folder, int[] sizes, int repeats)
    {
        var names = Datasets.Column(folder, "aqsoldb.csv", "Name");
        var smiles = Datasets.Column(folder, "aqsoldb.csv", "SMILES");
        var values = Datasets.Column(folder, "aqsoldb.csv", "Solubility");
        var pool = Enumerable.Range(0, smiles.Count).AsParallel().AsOrdered()
            .Select(i => TryCompound($"aqsoldb-{i + 1:D6}", names[i], smiles[i], double.Parse(values[i], CultureInfo.InvariantCulture)))
            .Where(c => c is not null).Select(c => c!).ToList();
        Console.WriteLine($"AqSolDB pool: {pool.Count} compounds; 5 rounds of 8; median of {repeats}; {Environment.ProcessorCount} cores");
        var table = new Table("library", "build (s)", "map (ms)", "one round (ms)", "build / smallest");
        double? smallest = null;
        foreach (int size in sizes)
        {
            var options = new CampaignOptions(LibrarySize: size, Rounds: 5, PicksPerRound: 8);
            CampaignSetup? setup = null;
            double build = Median(repeats, () => setup = CampaignBuilder.Build(pool, seed: 1, options));
            var inLibrary = setup!.Library.Select(c => c.Id).ToHashSet();
            var fingerprints = pool.Where(c => inLibrary.Contains(c.Id)).Select(c => c.Fingerprint).ToList();
            double map = Median(repeats, () => ChemicalSpaceMap.Project(fingerprints));
            var played = setup.Opponents[2].Picks.Take(4).ToList();
            var last = setup.Opponents[2].Picks[4];
            double round = Median(repeats, () => CampaignReferee.Play(setup, played, last, PropertyProfile.Unnamed));
            smallest ??= build;
            table.Add(size.ToString("N0", CultureInfo.InvariantCulture), (build / 1000).ToString("F2", CultureInfo.InvariantCulture),
                map.ToString("F0", CultureInfo.InvariantCulture), round.ToString("F1", CultureInfo.InvariantCulture), (build / smallest.Value).ToString("F1", CultureInfo.InvariantCulture) + "x");
        }

        table.Print();
        return 0;
    }

    private static ExerciseCompound? TryCompound(string id, string name, string smiles, double value)
    {
        try
        {
            return ExerciseCompound.FromSmiles(id, name, smiles, value);
        }
        catch (Exception e) when (e is MedEdu.Compute.Chemistry.SmilesParse.SmilesException or MedEdu.Compute.Chemistry.Molecules.ChemistryException)
        {
            return null;
        }
    }

    private static double Median(int repeats, Action action)
    {
        var times = new List<double>();
        for (int i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times.Order().ElementAt(times.Count / 2);
    }
}
