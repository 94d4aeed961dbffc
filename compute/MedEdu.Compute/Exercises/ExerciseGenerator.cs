using System.Globalization;
using MedEdu.Compute.Wording;
using System.Numerics;

namespace MedEdu.Compute.Exercises;

/// <summary>
/// Builds an exercise and its answer key from a pool of compounds of one dataset version, with a
/// seed (the same seed gives the same exercise) and a difficulty from 1 to 3. Exercises are fair:
/// neighbours in a ranking differ by more than the property's experimental error, a similarity
/// hunt's true picks stand a visible margin above the rest, 0/1 labels are classified rather than
/// ranked, and a screen's actives are the rarer class.
/// </summary>
public static partial class ExerciseGenerator
{
    /// <summary>Tanimoto margin between a similarity hunt's 3rd true pick and its closest decoy, by level.</summary>
    public static IReadOnlyList<double> HuntMargins { get; } = [0.15, 0.10, 0.05];

    /// <summary>Minimum gap between neighbouring values of a ranking, in experimental errors, by level (always strictly more than the error).</summary>
    public static IReadOnlyList<double> RankingGaps { get; } = [2.0, 1.5, 1.0];

    /// <summary>Generates an exercise of <paramref name="kind"/> (a rule check asks about <paramref name="rules"/>).</summary>
    /// <exception cref="ArgumentException">The pool cannot support this kind (too small, no measured values, a kind that does not fit its values).</exception>
    public static (Exercise Exercise, AnswerKey Key) Generate(ExerciseKind kind, IReadOnlyList<ExerciseCompound> pool, int seed, int difficulty, PropertyProfile? property = null, RuleSet rules = RuleSet.DrugLikeness)
    {
        property ??= PropertyProfile.Unnamed;
        difficulty = Math.Clamp(difficulty, 1, 3);
        if (Unsuitable(kind, pool, property) is { } reason)
        {
            throw new ArgumentException(reason);
        }

        var random = new Random(seed);
        string id = $"{kind}-{seed.ToString(CultureInfo.InvariantCulture)}-{difficulty}";
        var (exercise, key) = kind switch
        {
            ExerciseKind.SimilarityHunt => SimilarityHunt(id, pool, random, difficulty),
            ExerciseKind.PropertyRanking => PropertyRanking(id, pool, random, difficulty, property),
            ExerciseKind.Classify => Classify(id, pool, random, difficulty, property),
            ExerciseKind.VirtualScreen => VirtualScreen(id, pool, random, difficulty, property),
            ExerciseKind.MatchedPair => MatchedPair(id, pool, random, difficulty, property),
            ExerciseKind.ActivityCliff => ActivityCliff(id, pool, random, difficulty, property),
            ExerciseKind.ScaffoldHop => ScaffoldHop(id, pool, random, difficulty, property),
            ExerciseKind.Campaign => throw new ArgumentException("a campaign carries a library and opponents: build it with CampaignBuilder"),
            _ when rules == RuleSet.Pains => PainsCheck(id + "-pains", pool, random, difficulty),
            _ => RuleCheck(id, pool, random, difficulty),
        };

        // Property exercises carry the model's evidence: each compound's nearest training neighbours
        // (for a screen's large library, those of the model's own picks, which keeps the key small).
        if (key.ModelOrder.Count > 0)
        {
            var shown = exercise.Candidates.Count <= ModelEvidence.MostCompounds
                ? exercise.Candidates.Select(c => c.Id).Concat(exercise.Candidates.Where(c => c.Partner is not null).Select(c => c.Partner!.Id))
                : key.ModelOrder.Take(exercise.Picks > 0 ? exercise.Picks : ModelEvidence.MostCompounds);
            key = key with { Evidence = ModelEvidence.For(shown, pool) };
        }

        return (exercise, key);
    }

    /// <summary>Why <paramref name="kind"/> does not fit the pool's values, or null when it does.</summary>
    public static string? Unsuitable(ExerciseKind kind, IReadOnlyList<ExerciseCompound> pool, PropertyProfile property)
    {
        bool binary = IsBinary(pool);
        return kind switch
        {
            ExerciseKind.PropertyRanking when binary =>
                $"its values are 0/1 labels ({property.PositiveLabel} or not), and ordering labels has no right answer; use Classify",
            ExerciseKind.Classify when !binary =>
                "Classify needs 0/1 labels (such as BBBP's), and this dataset's values are measurements; use PropertyRanking",
            ExerciseKind.Classify when pool.Select(c => c.Measured).Distinct().Count() < 2 =>
                "every compound has the same label, so there is nothing to classify",
            ExerciseKind.Campaign when pool.Count(c => c.Measured is not null) < Campaigns.CampaignOptions.MinLibrary =>
                $"a campaign needs {Campaigns.CampaignOptions.MinLibrary} compounds with measured values",
            ExerciseKind.MatchedPair or ExerciseKind.ActivityCliff or ExerciseKind.ScaffoldHop when binary =>
                $"{kind} compares measured values, and this dataset's values are 0/1 labels",
            _ => null,
        };
    }

    /// <summary>True when every measured value is 0 or 1 (a classification dataset such as BBBP or a PubChem assay).</summary>
    public static bool IsBinary(IReadOnlyList<ExerciseCompound> pool) =>
        pool.Any(c => c.Measured is not null) && pool.All(c => c.Measured is null or 0 or 1);

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
        const int picks = 3;
        int candidates = 6 + (3 * difficulty);
        double margin = HuntMargins[difficulty - 1];
        Require(pool.Count >= candidates + 1, $"a similarity hunt needs at least {candidates + 1} compounds");
        foreach (int q in Enumerable.Range(0, pool.Count).OrderBy(_ => random.Next()).Take(300))
        {
            var query = pool[q];
            var ranked = pool.Where(c => c.Id != query.Id)
                .Select(c => (Compound: c, Similarity: Tanimoto(query.Fingerprint, c.Fingerprint)))
                .OrderByDescending(x => x.Similarity).ThenBy(x => x.Compound.Id, StringComparer.Ordinal)
                .ToList();

            // Decoys sit at least the margin below the 3rd neighbour, so no pick turns on a difference no one can see.
            double third = ranked[picks - 1].Similarity;
            var decoys = ranked.Skip(picks).Where(x => x.Similarity <= third - margin).ToList();
            if (decoys.Count < candidates - picks)
            {
                continue;
            }

            // Easy: the true neighbours stand out against random decoys; hard: decoys come from just below the margin.
            int near = difficulty;
            var chosen = ranked.Take(picks).Concat(decoys.Take(near)).ToList();
            var rest = difficulty == 3 ? decoys.Skip(near).Take(40) : decoys.Skip(near);
            chosen.AddRange(rest.OrderBy(_ => random.Next()).Take(candidates - chosen.Count));
            var shown = chosen.OrderBy(_ => random.Next()).ToList();
            var exercise = Exercise.Worded(id, ExerciseKind.SimilarityHunt, difficulty, Phrase.Of("Prompt.Hunt", picks, candidates, query.Name),
                CandidateView.From(query), shown.Select(x => CandidateView.From(x.Compound)).ToList(), picks);
            return (exercise, HuntKey(chosen));
        }

        throw new ArgumentException($"no query found whose 3 nearest neighbours stand {margin:0.00} (Tanimoto) above {candidates - picks} other compounds");
    }

    /// <summary>A similarity hunt's key: the candidates by similarity to the query and each one's similarity.</summary>
    internal static AnswerKey HuntKey(IReadOnlyList<(ExerciseCompound Compound, double Similarity)> chosen) => new(
        chosen.OrderByDescending(x => x.Similarity).ThenBy(x => x.Compound.Id, StringComparer.Ordinal).Select(x => x.Compound.Id).ToList(), [],
        chosen.ToDictionary(x => x.Compound.Id, x => new CandidateFacts(Math.Round(x.Similarity, 4), null, null, true, null)));

    private static (Exercise, AnswerKey) PropertyRanking(string id, IReadOnlyList<ExerciseCompound> pool, Random random, int difficulty, PropertyProfile property)
    {
        int count = 4 + (2 * difficulty);
        var measured = ForModelComparison(pool, count);
        Require(measured.Count >= count, $"a property ranking needs {count} compounds with measured values");

        // Neighbours in the true order differ by more than the experimental error; easy levels spread
        // values out, hard ones climb in steps just above the error among chemically similar compounds.
        double gap = property.ExperimentalError * RankingGaps[difficulty - 1];
        var sources = difficulty == 3 ? FairSelection.GrowingNeighbourhoods(measured, random) : [measured];
        var picked = sources.Select(s => FairSelection.Spaced(s, count, gap, random, tight: difficulty >= 2)).FirstOrDefault(p => p is not null);
        Require(picked is not null,
            $"no {count} compounds differ pairwise by more than {gap.ToString("0.##", CultureInfo.InvariantCulture)} (the experimental error {property.ErrorText} at level {difficulty})");
        var shown = picked!.OrderBy(_ => random.Next()).ToList();
        var prompt = property.Symbol is null
            ? Phrase.Of("Prompt.Ranking", picked!.Count, property.NameWords, property.Amount(property.ExperimentalError))
            : Phrase.Of("Prompt.Ranking.Symbol", picked!.Count, property.NameWords, property.Amount(property.ExperimentalError), property.Symbol + (property.Unit is null ? "" : ", " + property.Unit));
        var exercise = Exercise.Worded(id, ExerciseKind.PropertyRanking, difficulty, prompt,
            null, shown.Select(CandidateView.From).ToList(), 0);
        return (exercise, RankingKey(picked!, property));
    }

    /// <summary>A ranking's key: the measured order, the model's order (when every compound has a prediction) and the facts.</summary>
    internal static AnswerKey RankingKey(IReadOnlyList<ExerciseCompound> picked, PropertyProfile property)
    {
        var truth = picked.OrderByDescending(c => c.Measured).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList();
        var model = picked.All(c => c.Predicted is not null)
            ? picked.OrderByDescending(c => c.Predicted).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList()
            : [];
        return new AnswerKey(truth, model, Facts(picked), property);
    }

    private static (Exercise, AnswerKey) Classify(string id, IReadOnlyList<ExerciseCompound> pool, Random random, int difficulty, PropertyProfile property)
    {
        int count = 6 + (2 * difficulty);
        const int leastOfEach = ClassifyLeastOfEach;
        var labelled = ForModelComparison(pool, count);

        // Between 30% and 70% positives, so neither "all yes" nor "all no" is a strategy; level 3
        // draws from a chemical neighbourhood, where the labels turn on small structural changes.
        int positives = random.Next((int)Math.Ceiling(0.3 * count), (int)Math.Floor(0.7 * count) + 1);
        var sources = difficulty == 3 ? FairSelection.GrowingNeighbourhoods(labelled, random) : [labelled];
        foreach (var source in sources)
        {
            var ones = source.Where(c => c.Measured == 1).OrderBy(_ => random.Next()).ToList();
            var zeros = source.Where(c => c.Measured == 0).OrderBy(_ => random.Next()).ToList();
            if (ones.Count < leastOfEach || zeros.Count < leastOfEach || ones.Count + zeros.Count < count)
            {
                continue;
            }

            int p = Math.Clamp(positives, Math.Max(leastOfEach, count - zeros.Count), Math.Min(ones.Count, count - leastOfEach));
            var picked = ones.Take(p).Concat(zeros.Take(count - p)).OrderBy(_ => random.Next()).ToList();
            var exercise = Exercise.Worded(id, ExerciseKind.Classify, difficulty, Phrase.Of("Prompt.Classify", count, property.PositiveWords, property.NegativeWords),
                null, picked.Select(CandidateView.From).ToList(), 0, property.PositiveWords);
            return (exercise, ClassifyKey(picked, property));
        }

        throw new ArgumentException($"a classification needs {count} labelled compounds with at least {ClassifyLeastOfEach} of each label");
    }

    /// <summary>Fewest compounds of each label in a classification.</summary>
    internal const int ClassifyLeastOfEach = 2;

    /// <summary>A classification's key: the positives, the model's positives (when every compound has a prediction) and the facts.</summary>
    internal static AnswerKey ClassifyKey(IReadOnlyList<ExerciseCompound> picked, PropertyProfile property)
    {
        var truth = picked.Where(c => c.Measured == 1).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
        var model = picked.All(c => c.Predicted is not null)
            ? picked.Where(c => c.Predicted >= 0.5).OrderByDescending(c => c.Predicted).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList()
            : [];
        return new AnswerKey(truth, model, Facts(picked), property);
    }

    private static (Exercise, AnswerKey) VirtualScreen(string id, IReadOnlyList<ExerciseCompound> pool, Random random, int difficulty, PropertyProfile property)
    {
        int size = 20 + (20 * difficulty);
        const int picks = 10;
        var measured = ForModelComparison(pool, size);
        Require(measured.Count >= size, $"a virtual screen needs {size} compounds with measured values");
        var library = measured.OrderBy(_ => random.Next()).Take(size).ToList();

        // Actives are the rarer class of a 0/1 dataset (on BBBP, where 76% cross, the ones that do
        // not), so picking at random is not already a good score; for measured values, the best
        // quarter of the drug-like library (ties at the cut all count).
        bool binary = IsBinary(pool);
        bool wantOnes = !binary || pool.Count(c => c.Measured == 1) <= pool.Count(c => c.Measured == 0);
        Phrase activeMeans;
        Func<ExerciseCompound, bool> isActive;
        if (binary)
        {
            double label = wantOnes ? 1 : 0;
            isActive = c => c.Measured == label;
            TopUpActives(library, measured, isActive, picks / 2, random);
            activeMeans = Phrase.Of("Screen.ActiveIsLabel", wantOnes ? property.PositiveWords : property.NegativeWords);
        }
        else
        {
            var ranked = library.Where(c => c.DrugLike).OrderByDescending(c => c.Measured).ToList();
            Require(ranked.Count >= picks, "too few drug-like compounds for a virtual screen");
            double cut = ranked[Math.Max(picks, ranked.Count / 4) - 1].Measured!.Value;
            isActive = c => c.Measured >= cut;
            activeMeans = Phrase.Of("Screen.ActiveIsTop", property.NameWords, property.Value(cut));
        }

        var drugLike = library.Where(c => c.DrugLike).ToList();
        Require(drugLike.Count >= picks, "too few drug-like compounds for a virtual screen");
        var truth = drugLike.Where(isActive).OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList();
        Require(truth.Count > 0, "the library has no drug-like actives");
        var model = drugLike.All(c => c.Predicted is not null)
            ? drugLike.OrderByDescending(c => wantOnes ? c.Predicted : -c.Predicted).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList()
            : [];
        var exercise = Exercise.Worded(id, ExerciseKind.VirtualScreen, difficulty, Phrase.Of("Prompt.Screen", size, picks, activeMeans),
            null, library.Select(CandidateView.From).ToList(), picks);
        return (exercise, new AnswerKey(truth, model, Facts(library), property, BaseRate: (double)truth.Count / drugLike.Count));
    }

    /// <summary>Swaps drug-like inactives of the library for drug-like actives from the pool until it holds <paramref name="least"/> of them (or the pool runs out).</summary>
    private static void TopUpActives(List<ExerciseCompound> library, List<ExerciseCompound> pool, Func<ExerciseCompound, bool> isActive, int least, Random random)
    {
        var inLibrary = library.Select(c => c.Id).ToHashSet();
        var spare = new Queue<ExerciseCompound>(pool.Where(c => c.DrugLike && isActive(c) && !inLibrary.Contains(c.Id)).OrderBy(_ => random.Next()));
        var replaceable = Enumerable.Range(0, library.Count).Where(i => library[i].DrugLike && !isActive(library[i])).OrderBy(_ => random.Next()).ToList();
        int have = library.Count(c => c.DrugLike && isActive(c));
        foreach (int i in replaceable)
        {
            if (have >= least || spare.Count == 0)
            {
                break;
            }

            library[i] = spare.Dequeue();
            have++;
        }
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
        var breakers = pool.Where(c => c.RuleBreakPhrase() is not null).OrderBy(_ => random.Next()).ToList();
        var passers = pool.Where(c => c.RuleBreakPhrase() is null).OrderBy(_ => random.Next()).ToList();
        Require(breakers.Count > 0, "no compound of this dataset breaks Lipinski's or Veber's rules, so there would be nothing to flag");
        int nBreak = Math.Min(breakers.Count, Math.Max(1, count / 3));
        Require(passers.Count >= count - nBreak, $"a rule check needs {count} compounds");
        var picked = breakers.Take(nBreak).Concat(passers.Take(count - nBreak)).OrderBy(_ => random.Next()).ToList();
        var exercise = Exercise.Worded(id, ExerciseKind.RuleCheck, difficulty, Phrase.Of("Prompt.RuleCheck"),
            null, picked.Select(CandidateView.From).ToList(), 0);
        return (exercise, RuleCheckKey(picked));
    }

    /// <summary>A drug-likeness rule check's key: the rule breakers and the facts.</summary>
    internal static AnswerKey RuleCheckKey(IReadOnlyList<ExerciseCompound> picked) =>
        new(picked.Where(c => c.RuleBreakPhrase() is not null).Select(c => c.Id).Order(StringComparer.Ordinal).ToList(), [], Facts(picked));

    internal static Dictionary<string, CandidateFacts> Facts(IEnumerable<ExerciseCompound> compounds) =>
        compounds.ToDictionary(c => c.Id, c =>
        {
            var broken = c.RuleBreakPhrase();
            return new CandidateFacts(null, c.Measured, c.Predicted is double p ? Math.Round(p, 3) : null, c.InDomain, broken?.English, RuleBreakPhrase: broken);
        });

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
