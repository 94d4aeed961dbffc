using MedEdu.Compute.Exercises;

namespace MedEdu.Compute.Tests.Exercises;

/// <summary>The model's evidence in a property exercise's feedback: the nearest compounds it trained on.</summary>
public sealed class ModelEvidenceTests
{
    [Fact]
    public void Each_ranked_compound_comes_with_its_three_nearest_training_compounds()
    {
        var pool = ExercisePools.Esol;
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.PropertyRanking, pool, seed: 2, 1, ExercisePools.Solubility);
        var feedback = ExerciseScorer.Score(exercise, key, key.Truth);
        var evidence = Assert.IsAssignableFrom<IReadOnlyDictionary<string, IReadOnlyList<TrainingNeighbour>>>(feedback.Evidence);
        var training = pool.Where(c => !c.HeldOut).ToDictionary(c => c.Id);
        foreach (var candidate in exercise.Candidates)
        {
            var neighbours = evidence[candidate.Id];
            Assert.Equal(ModelEvidence.Neighbours, neighbours.Count);
            var mine = pool.Single(c => c.Id == candidate.Id);
            foreach (var n in neighbours)
            {
                // A training compound (never the candidate itself), its real similarity and measured value.
                var t = training[n.Id];
                Assert.NotEqual(candidate.Id, n.Id);
                Assert.Equal(t.Measured, n.Measured);
                Assert.Equal(Math.Round(ExerciseGenerator.Tanimoto(mine.Fingerprint, t.Fingerprint), 3), n.Similarity);
            }

            // The nearest: no other training compound is more similar than the third shown.
            double third = neighbours[^1].Similarity;
            Assert.True(training.Values.Where(t => t.Id != mine.Id && neighbours.All(n => n.Id != t.Id))
                .All(t => Math.Round(ExerciseGenerator.Tanimoto(mine.Fingerprint, t.Fingerprint), 3) <= third));
            Assert.True(neighbours.Zip(neighbours.Skip(1)).All(p => p.First.Similarity >= p.Second.Similarity));
        }
    }

    [Fact]
    public void Exercises_without_a_model_carry_no_evidence()
    {
        var (exercise, key) = ExerciseGenerator.Generate(ExerciseKind.SimilarityHunt, ExercisePools.Esol, seed: 2, 1, ExercisePools.Solubility);
        Assert.Null(key.Evidence);
        Assert.Null(ExerciseScorer.Score(exercise, key, key.Truth.Take(3).ToList()).Evidence);
    }
}
