using System.Globalization;
using System.Numerics;

namespace MedEdu.Compute.Exercises;

/// <summary>
/// Builds an exercise and its answer key from a pool of compounds of one dataset version, with a
/// seed (the same seed gives the same exercise) and a difficulty from 1 to 3.
/// </summary>
public static class ExerciseGenerator
{
    /// <summary>Generates an exercise of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentException">The pool cannot support this kind (too small, no measured values).</exception>
    public static (Exercise Exercise, AnswerKey Key) Generate(ExerciseKind kind, IReadOnlyList<ExerciseCompound> pool, int seed, int difficulty, string? propertyName = null)
    {
        difficulty = Math.Clamp(difficulty, 1, 3);
        var random = new Random(seed);
        string id = $"{kind}-{seed.ToString(CultureInfo.InvariantCulture)}-{difficulty}";
        return kind switch
        {
            ExerciseKind.SimilarityHunt => SimilarityHunt(id, pool, random, difficulty),
            ExerciseKind.PropertyRanking => PropertyRanking(id, pool, random, difficulty, propertyName ?? "the measured property"),
            ExerciseKind.VirtualScreen => VirtualScreen(id, pool, random, difficulty, propertyName ?? "the measured property"),
            _ => RuleCheck(id, pool, random, difficulty),
        };
    }

    /// <summary>Tanimoto similarity of two packed fingerprints (0 when both are empty).</summary>
    public static double Tanimoto(ulong[] a, ulong[] b)
    {
        int na = 0, nb = 0, c = 0;
        for (int i = 0; i < a.Length; i++)
        {
            na += BitOperations.PopCount(a[i]);
            nb += BitOperations.PopCount(b[i]);
            c += BitOperations.PopCount(a[i] & b[i]);
        }

        int union = na + nb - c;
        return union == 0 ? 0 : (double)c / union;
    }

    private static (Exercise, AnswerKey) SimilarityHunt(string id, IReadOnlyList<ExerciseCompound> pool, Random random, int difficulty)
    {
        int candidates = 6 + (3 * difficulty);
        Require(pool.Count >= candidates + 1, $"a similarity hunt needs at least {candidates + 1} compounds");
        var query = pool[random.Next(pool.Count)];
        var ranked = pool.Where(c => c.Id != query.Id)
            .Select(c => (Compound: c, Similarity: Tanimoto(query.Fingerprint, c.Fingerprint)))
            .OrderByDescending(x => x.Similarity).ThenBy(x => x.Compound.Id, StringComparer.Ordinal)
            .ToList();

        // Easy: the true neighbours stand out against random decoys; hard: decoys come from the near neighbourhood.
        int near = 3 + difficulty;
        var chosen = ranked.Take(near).ToList();
        var decoyPool = difficulty == 3 ? ranked.Skip(near).Take(40).ToList() : ranked.Skip(near).ToList();
        chosen.AddRange(decoyPool.OrderBy(_ => random.Next()).Take(candidates - near));
        var shown = chosen.OrderBy(_ => random.Next()).ToList();
        var truth = chosen.OrderByDescending(x => x.Similarity).ThenBy(x => x.Compound.Id, StringComparer.Ordinal).Select(x => x.Compound.Id).ToList();
        var facts = chosen.ToDictionary(x => x.Compound.Id, x => new CandidateFacts(Math.Round(x.Similarity, 4), null, null, true, null));
        var exercise = new Exercise(id, ExerciseKind.SimilarityHunt, difficulty,
            $"Which 3 of these {candidates} compounds are most similar to {query.Name}? Similarity is the Tanimoto coefficient of Morgan (ECFP4) fingerprints.",
            CandidateView.From(query), shown.Select(x => CandidateView.From(x.Compound)).ToList(), 3);
        return (exercise, new AnswerKey(truth, [], facts));
    }

    private static (Exercise, AnswerKey) PropertyRanking(string id, IReadOnlyList<ExerciseCompound> pool, Random random, int difficulty, string property)
    {
        int count = 4 + (2 * difficulty);
        var measured = ForModelComparison(pool, count);
        Require(measured.Count >= count, $"a property ranking needs {count} compounds with measured values");

        // Easy exercises spread the values out; hard ones draw them from a narrow band.
        var sorted = measured.OrderBy(c => c.Measured).ToList();
        int start = difficulty == 3 ? random.Next(Math.Max(1, sorted.Count - (sorted.Count / 3))) : 0;
        int span = difficulty == 3 ? Math.Max(count, sorted.Count / 3) : sorted.Count;
        var band = sorted.Skip(start).Take(span).ToList();
        var picked = Enumerable.Range(0, count)
            .Select(i => band[(int)((i + random.NextDouble()) * band.Count / count)])
            .DistinctBy(c => c.Id).ToList();
        var shown = picked.OrderBy(_ => random.Next()).ToList();
        var truth = picked.OrderByDescending(c => c.Measured).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList();
        var model = picked.All(c => c.Predicted is not null)
            ? picked.OrderByDescending(c => c.Predicted).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList()
            : [];
        var exercise = new Exercise(id, ExerciseKind.PropertyRanking, difficulty,
            $"Order these {picked.Count} compounds from highest to lowest {property}.", null, shown.Select(CandidateView.From).ToList(), 0);
        return (exercise, new AnswerKey(truth, model, Facts(picked)));
    }

    private static (Exercise, AnswerKey) VirtualScreen(string id, IReadOnlyList<ExerciseCompound> pool, Random random, int difficulty, string property)
    {
        int size = 20 + (20 * difficulty);
        const int picks = 10;
        var measured = ForModelComparison(pool, size);
        Require(measured.Count >= size, $"a virtual screen needs {size} compounds with measured values");
        var library = measured.OrderBy(_ => random.Next()).Take(size).ToList();
        var drugLike = library.Where(c => c.DrugLike).ToList();
        Require(drugLike.Count >= picks, "too few drug-like compounds for a virtual screen");

        // Actives: the best quarter of the drug-like library by the measured value (for 0/1 labels, the 1s).
        bool binary = drugLike.All(c => c.Measured is 0 or 1);
        var truth = binary
            ? drugLike.Where(c => c.Measured == 1).Select(c => c.Id).ToList()
            : drugLike.OrderByDescending(c => c.Measured).ThenBy(c => c.Id, StringComparer.Ordinal).Take(Math.Max(picks, drugLike.Count / 4)).Select(c => c.Id).ToList();
        var model = drugLike.All(c => c.Predicted is not null)
            ? drugLike.OrderByDescending(c => c.Predicted).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList()
            : [];
        var exercise = new Exercise(id, ExerciseKind.VirtualScreen, difficulty,
            $"Screen this library of {size}: apply Lipinski's and Veber's rules, then pick the {picks} drug-like compounds most likely to be active ({property}).",
            null, library.Select(CandidateView.From).ToList(), picks);
        return (exercise, new AnswerKey(truth, model, Facts(library)));
    }

    /// <summary>
    /// Compounds with measured values for an exercise that puts the model beside the student: the
    /// ones held out of the model's training when there are at least twice <paramref name="needed"/> of
    /// them (on training compounds the model would be ranking what it memorised), else all.
    /// </summary>
    private static List<ExerciseCompound> ForModelComparison(IReadOnlyList<ExerciseCompound> pool, int needed)
    {
        var measured = pool.Where(c => c.Measured is not null).ToList();
        var heldOut = measured.Where(c => c.HeldOut && c.Predicted is not null).ToList();
        return heldOut.Count >= 2 * needed ? heldOut : measured;
    }

    private static (Exercise, AnswerKey) RuleCheck(string id, IReadOnlyList<ExerciseCompound> pool, Random random, int difficulty)
    {
        int count = 6 + (2 * difficulty);
        var breakers = pool.Where(c => c.RuleBreak() is not null).OrderBy(_ => random.Next()).ToList();
        var passers = pool.Where(c => c.RuleBreak() is null).OrderBy(_ => random.Next()).ToList();
        int nBreak = Math.Min(breakers.Count, Math.Max(1, count / 3));
        Require(passers.Count >= count - nBreak, $"a rule check needs {count} compounds");
        var picked = breakers.Take(nBreak).Concat(passers.Take(count - nBreak)).OrderBy(_ => random.Next()).ToList();
        var truth = picked.Where(c => c.RuleBreak() is not null).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
        var exercise = new Exercise(id, ExerciseKind.RuleCheck, difficulty,
            "Flag every compound that breaks Lipinski's rule of five (two or more violations) or Veber's rule (more than 10 rotatable bonds or TPSA above 140).",
            null, picked.Select(CandidateView.From).ToList(), 0);
        return (exercise, new AnswerKey(truth, [], Facts(picked)));
    }

    private static Dictionary<string, CandidateFacts> Facts(IEnumerable<ExerciseCompound> compounds) =>
        compounds.ToDictionary(c => c.Id, c => new CandidateFacts(null, c.Measured, c.Predicted is double p ? Math.Round(p, 3) : null, c.InDomain, c.RuleBreak()));

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
