namespace MedEdu.Compute.Exercises;

/// <summary>A compound the model trained on, near a candidate: part of the evidence behind the model's prediction.</summary>
/// <param name="Id">Compound id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Similarity">Tanimoto (Morgan radius 2) to the candidate.</param>
/// <param name="Measured">Its measured value, which the model learned.</param>
public sealed record TrainingNeighbour(string Id, string Name, double Similarity, double Measured);

/// <summary>
/// The model's evidence for each candidate of a property exercise: its nearest compounds among those
/// the model trained on, with their measured values. A prediction is roughly what these neighbours
/// say; when they are far (low similarity) or disagree, the prediction deserves less trust.
/// </summary>
public static class ModelEvidence
{
    /// <summary>Neighbours shown per candidate.</summary>
    public const int Neighbours = 3;

    /// <summary>Most compounds given evidence (an answer key is one Table property, at most 64 KiB).</summary>
    public const int MostCompounds = 12;

    /// <summary>
    /// The nearest training compounds of each of <paramref name="ids"/> in <paramref name="pool"/>
    /// (training compounds: a prediction and not held out); empty when the pool has no model.
    /// </summary>
    public static Dictionary<string, IReadOnlyList<TrainingNeighbour>> For(IEnumerable<string> ids, IReadOnlyList<ExerciseCompound> pool)
    {
        var training = pool.Where(c => c.Predicted is not null && !c.HeldOut && c.Measured is not null).ToList();
        var byId = pool.ToDictionary(c => c.Id);
        var evidence = new Dictionary<string, IReadOnlyList<TrainingNeighbour>>();
        if (training.Count == 0)
        {
            return evidence;
        }

        foreach (string id in ids.Distinct())
        {
            if (!byId.TryGetValue(id, out var candidate))
            {
                continue;
            }

            evidence[id] = training
                .Where(t => t.Id != id)
                .Select(t => (t, Similarity: ExerciseGenerator.Tanimoto(candidate.Fingerprint, t.Fingerprint)))
                .OrderByDescending(x => x.Similarity).ThenBy(x => x.t.Id, StringComparer.Ordinal)
                .Take(Neighbours)
                .Select(x => new TrainingNeighbour(x.t.Id, x.t.Name, Math.Round(x.Similarity, 3), x.t.Measured!.Value))
                .ToList();
        }

        return evidence;
    }
}
