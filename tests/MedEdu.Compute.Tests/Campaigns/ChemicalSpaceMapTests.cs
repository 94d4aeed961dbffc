using MedEdu.Compute.Campaigns;
using MedEdu.Compute.Exercises;

namespace MedEdu.Compute.Tests.Campaigns;

/// <summary>The PCA map of fingerprints: separate series land apart, and close analogues land close.</summary>
public sealed class ChemicalSpaceMapTests
{
    [Fact]
    public void Two_series_with_disjoint_substructures_separate_along_the_first_axis()
    {
        static ulong[] Fingerprint(int first, int seed)
        {
            var words = new ulong[32];
            var random = new Random(seed);
            for (int k = 0; k < 30; k++)
            {
                int bit = first + random.Next(60);
                words[bit / 64] |= 1UL << (bit % 64);
            }

            return words;
        }

        var map = ChemicalSpaceMap.Project([.. Enumerable.Range(0, 20).Select(i => Fingerprint(0, i)), .. Enumerable.Range(0, 20).Select(i => Fingerprint(1000, 100 + i))]);
        double a = map.Take(20).Average(p => p.X), b = map.Skip(20).Average(p => p.X);
        Assert.True(Math.Abs(a - b) > 0.8, $"series means {a:F2} and {b:F2}");
        Assert.All(map, p => Assert.InRange(p.Y, 0, 1));
    }

    [Fact]
    public void Close_esol_analogues_sit_closer_on_the_map_than_random_pairs()
    {
        var pool = Exercises.ExercisePools.Esol.Take(400).ToList();
        var map = ChemicalSpaceMap.Project([.. pool.Select(c => c.Fingerprint)]);
        double Distance(int i, int j) => Math.Sqrt(Math.Pow(map[i].X - map[j].X, 2) + Math.Pow(map[i].Y - map[j].Y, 2));
        var near = new List<double>();
        var all = new List<double>();
        for (int i = 0; i < pool.Count; i++)
        {
            for (int j = i + 1; j < pool.Count; j++)
            {
                all.Add(Distance(i, j));
                if (ExerciseGenerator.Tanimoto(pool[i].Fingerprint, pool[j].Fingerprint) >= 0.6)
                {
                    near.Add(Distance(i, j));
                }
            }
        }

        Assert.True(near.Count > 20);
        Assert.True(near.Average() < all.Average() / 2, $"analogues {near.Average():F3} apart, all pairs {all.Average():F3}");
    }
}
