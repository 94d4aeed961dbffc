using System.Globalization;
using MedEdu.Compute.Chemistry.Scaffolds;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Wording;

namespace MedEdu.Compute.Exercises;

/// <summary>
/// The exercises about structure and property together: matched pairs (what does one small change
/// do?), activity cliffs (where does a small change do the most?) and scaffold hops (a different
/// core that keeps the property). Fair as the others are: every gap that decides an answer is
/// larger than the property's experimental error.
/// </summary>
public static partial class ExerciseGenerator
{
    /// <summary>Tanimoto (Morgan radius 2) at which two compounds count as a similar pair (matched pairs, cliffs), by level.</summary>
    public static IReadOnlyList<double> PairSimilarity { get; } = [0.6, 0.55, 0.5];

    /// <summary>Most measured compounds searched for pairs (all pairs of them are compared).</summary>
    private const int PairSearchPool = 1500;

    private static (Exercise, AnswerKey) MatchedPair(string id, IReadOnlyList<ExerciseCompound> pool, Random random, int difficulty, PropertyProfile property)
    {
        int pairs = 3 + difficulty;
        double gap = property.ExperimentalError * RankingGaps[difficulty - 1];
        double similar = PairSimilarity[difficulty - 1];
        // Pairs are scarce (a congeneric series is needed), so every measured compound is searched;
        // pairs the model did not train on come first, so the model's answer is an honest one.
        var measured = Sample(pool.Where(c => c.Measured is not null).ToList(), random);
        var scaffolds = new Dictionary<string, string>();

        // A matched pair here: the same Murcko scaffold, Tanimoto at least the level's threshold, at
        // most 60 Da apart (one small change), and values further apart than the level's gap.
        var found = new List<(ExerciseCompound A, ExerciseCompound B, double Similarity)>();
        for (int i = 0; i < measured.Count; i++)
        {
            for (int j = i + 1; j < measured.Count; j++)
            {
                var (a, b) = (measured[i], measured[j]);
                if (Math.Abs(a.MolWt - b.MolWt) > 60 || Math.Abs(a.Measured!.Value - b.Measured!.Value) <= gap)
                {
                    continue;
                }

                double s = Tanimoto(a.Fingerprint, b.Fingerprint);
                if (s >= similar && s < 1 && ScaffoldOf(a, scaffolds) is { Length: > 0 } sa && sa == ScaffoldOf(b, scaffolds))
                {
                    found.Add((a, b, s));
                }
            }
        }

        var used = new HashSet<string>();
        var chosen = new List<(ExerciseCompound A, ExerciseCompound B, double Similarity)>();
        foreach (var (a, b, s) in found.OrderBy(_ => random.Next()).OrderBy(p => p.A.HeldOut && p.B.HeldOut ? 0 : 1))
        {
            if (chosen.Count < pairs && used.Add(a.Id) && used.Add(b.Id))
            {
                // Which one is "the analogue" is random, so "higher" is the answer about half the time.
                chosen.Add(random.Next(2) == 0 ? (a, b, s) : (b, a, s));
            }
        }

        Require(chosen.Count == pairs,
            $"a matched-pair exercise needs {pairs} pairs with the same scaffold, Tanimoto {similar.ToString("0.##", CultureInfo.InvariantCulture)} or more and values more than {gap.ToString("0.##", CultureInfo.InvariantCulture)} apart; this pool has {chosen.Count}");
        var truth = chosen.Where(p => p.B.Measured > p.A.Measured).Select(p => p.B.Id).Order(StringComparer.Ordinal).ToList();
        var model = chosen.All(p => p.A.Predicted is not null && p.B.Predicted is not null)
            ? chosen.Where(p => p.B.Predicted > p.A.Predicted).Select(p => p.B.Id).Order(StringComparer.Ordinal).ToList()
            : [];
        var facts = Facts(chosen.SelectMany(p => new[] { p.A, p.B }));
        foreach (var (a, b, s) in chosen)
        {
            facts[b.Id] = facts[b.Id] with { Similarity = Math.Round(s, 4), Scaffold = a.Id };
        }

        var exercise = Exercise.Worded(id, ExerciseKind.MatchedPair, difficulty, Phrase.Of("Prompt.MatchedPair", property.NameWords, property.Amount(gap)),
            null, chosen.Select(p => CandidateView.From(p.B) with { Partner = CandidateView.From(p.A) }).ToList(), 0, Phrase.Of("MatchedPair.Label", property.NameWords));
        return (exercise, new AnswerKey(truth, model, facts, property));
    }

    private static (Exercise, AnswerKey) ActivityCliff(string id, IReadOnlyList<ExerciseCompound> pool, Random random, int difficulty, PropertyProfile property)
    {
        int count = 6 + (2 * difficulty);
        double margin = property.ExperimentalError * RankingGaps[difficulty - 1];
        double similar = PairSimilarity[difficulty - 1];
        var measured = Sample(ForModelComparison(pool, count), random);
        Require(measured.Count >= count, $"an activity cliff needs {count} compounds with measured values");
        foreach (var anchor in measured.OrderBy(_ => random.Next()).Take(300))
        {
            // A chemical neighbourhood, so several pairs are similar and the cliff has to be found.
            var neighbourhood = measured
                .Select(c => (Compound: c, Similarity: Tanimoto(anchor.Fingerprint, c.Fingerprint)))
                .Where(x => x.Similarity >= 0.3)
                .OrderByDescending(x => x.Similarity).ThenBy(x => x.Compound.Id, StringComparer.Ordinal)
                .Take(30).Select(x => x.Compound).ToList();
            if (neighbourhood.Count < count)
            {
                continue;
            }

            var cliff = SimilarPairs(neighbourhood, similar).OrderByDescending(p => Gap(p.A, p.B)).ThenBy(p => p.A.Id, StringComparer.Ordinal).FirstOrDefault();
            if (cliff.A is null || Gap(cliff.A, cliff.B) < 2 * margin)
            {
                continue;
            }

            // Every other similar pair among the candidates is clearly smaller than the cliff.
            double largestOther = Gap(cliff.A, cliff.B) - margin;
            var chosen = new List<ExerciseCompound> { cliff.A, cliff.B };
            foreach (var c in neighbourhood.Where(c => c.Id != cliff.A.Id && c.Id != cliff.B.Id).OrderBy(_ => random.Next()))
            {
                if (chosen.Count < count && chosen.All(d => Tanimoto(c.Fingerprint, d.Fingerprint) < similar || Gap(c, d) <= largestOther))
                {
                    chosen.Add(c);
                }
            }

            if (chosen.Count < count)
            {
                continue;
            }

            // Other similar pairs must be there (2 or more besides the cliff above level 1), or there is nothing to find.
            var similarPairs = SimilarPairs(chosen, similar).ToList();
            if (similarPairs.Count < Math.Min(3, 1 + difficulty))
            {
                continue;
            }

            var rest = chosen.Skip(2).OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id);
            var truth = new[] { cliff.A.Id, cliff.B.Id }.Concat(rest).ToList();
            var model = new List<string>();
            if (chosen.All(c => c.Predicted is not null))
            {
                var predicted = similarPairs.OrderByDescending(p => Math.Abs(p.A.Predicted!.Value - p.B.Predicted!.Value)).First();
                model = [predicted.A.Id, predicted.B.Id, .. chosen.Select(c => c.Id).Where(i => i != predicted.A.Id && i != predicted.B.Id).Order(StringComparer.Ordinal)];
            }

            var exercise = Exercise.Worded(id, ExerciseKind.ActivityCliff, difficulty, Phrase.Of("Prompt.Cliff", PhraseArg.Of(similar), property.NameWords, property.Amount(margin)),
                null, chosen.OrderBy(_ => random.Next()).Select(CandidateView.From).ToList(), 2);
            var pairs = similarPairs.ToDictionary(p => AnswerKey.PairKey(p.A.Id, p.B.Id), p => Math.Round(p.Similarity, 4));
            return (exercise, new AnswerKey(truth, model, Facts(chosen), property, PairSimilarities: pairs));
        }

        throw new ArgumentException($"no neighbourhood of {count} compounds has a similar pair whose gap stands {margin.ToString("0.##", CultureInfo.InvariantCulture)} above every other similar pair's");
    }

    private static (Exercise, AnswerKey) ScaffoldHop(string id, IReadOnlyList<ExerciseCompound> pool, Random random, int difficulty, PropertyProfile property)
    {
        int count = 5 + (2 * difficulty);
        double margin = property.ExperimentalError * RankingGaps[difficulty - 1];
        var measured = Sample(ForModelComparison(pool, count), random);
        var scaffolds = new Dictionary<string, string>();
        foreach (var query in measured.Where(c => ScaffoldOf(c, scaffolds).Length > 0).OrderBy(_ => random.Next()).Take(300))
        {
            string scaffold = ScaffoldOf(query, scaffolds);
            double target = query.Measured!.Value;
            var hops = measured.Where(c => c.Id != query.Id && ScaffoldOf(c, scaffolds) != scaffold)
                .OrderBy(c => Math.Abs(c.Measured!.Value - target)).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
            var same = measured.Where(c => c.Id != query.Id && ScaffoldOf(c, scaffolds) == scaffold).OrderBy(_ => random.Next()).ToList();
            if (hops.Count < count)
            {
                continue;
            }

            // The best hop stands clear of every other hop by more than the margin; harder levels
            // offer structurally closer hops and a same-scaffold compound as a trap.
            var best = hops[0];
            double bestDistance = Math.Abs(best.Measured!.Value - target);
            var others = hops.Skip(1).Where(c => Math.Abs(c.Measured!.Value - target) > bestDistance + margin);
            others = difficulty == 3
                ? others.OrderByDescending(c => Tanimoto(query.Fingerprint, c.Fingerprint)).Take(3 * count).OrderBy(_ => random.Next())
                : others.OrderBy(_ => random.Next());
            int traps = difficulty >= 2 ? Math.Min(1, same.Count) : 0;
            var chosen = new List<ExerciseCompound> { best };
            chosen.AddRange(others.Take(count - 1 - traps));
            chosen.AddRange(same.Take(traps));
            if (chosen.Count < count)
            {
                continue;
            }

            var truth = chosen.OrderBy(c => ScaffoldOf(c, scaffolds) == scaffold ? 1 : 0)
                .ThenBy(c => Math.Abs(c.Measured!.Value - target)).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList();
            var model = chosen.All(c => c.Predicted is not null)
                ? chosen.OrderBy(c => ScaffoldOf(c, scaffolds) == scaffold ? 1 : 0)
                    .ThenBy(c => Math.Abs(c.Predicted!.Value - target)).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList()
                : [];
            var facts = Facts(chosen.Append(query));
            foreach (var c in chosen.Append(query))
            {
                facts[c.Id] = facts[c.Id] with { Similarity = Math.Round(Tanimoto(query.Fingerprint, c.Fingerprint), 4), Scaffold = ScaffoldOf(c, scaffolds) };
            }

            var exercise = Exercise.Worded(id, ExerciseKind.ScaffoldHop, difficulty, Phrase.Of("Prompt.Hop", query.Name, property.NameWords, property.Value(target), property.Amount(margin)),
                CandidateView.From(query), chosen.OrderBy(_ => random.Next()).Select(CandidateView.From).ToList(), 1);
            return (exercise, new AnswerKey(truth, model, facts, property));
        }

        throw new ArgumentException($"no query has {count} compounds of other scaffolds with a best hop {margin.ToString("0.##", CultureInfo.InvariantCulture)} closer than the rest");
    }

    /// <summary>Pairs of <paramref name="compounds"/> with Tanimoto at least <paramref name="similar"/>.</summary>
    private static IEnumerable<(ExerciseCompound A, ExerciseCompound B, double Similarity)> SimilarPairs(IReadOnlyList<ExerciseCompound> compounds, double similar)
    {
        for (int i = 0; i < compounds.Count; i++)
        {
            for (int j = i + 1; j < compounds.Count; j++)
            {
                double s = Tanimoto(compounds[i].Fingerprint, compounds[j].Fingerprint);
                if (s >= similar)
                {
                    yield return (compounds[i], compounds[j], s);
                }
            }
        }
    }

    private static double Gap(ExerciseCompound a, ExerciseCompound b) => Math.Abs(a.Measured!.Value - b.Measured!.Value);

    /// <summary>At most <see cref="PairSearchPool"/> of <paramref name="measured"/>, seeded, in id order.</summary>
    private static List<ExerciseCompound> Sample(List<ExerciseCompound> measured, Random random) =>
        measured.Count <= PairSearchPool ? measured
            : [.. measured.OrderBy(_ => random.Next()).Take(PairSearchPool).OrderBy(c => c.Id, StringComparer.Ordinal)];

    /// <summary>The compound's Murcko scaffold (stored, or computed once from its SMILES; "" when acyclic or unparsable).</summary>
    private static string ScaffoldOf(ExerciseCompound c, Dictionary<string, string> cache)
    {
        if (c.Scaffold is not null)
        {
            return c.Scaffold;
        }

        if (!cache.TryGetValue(c.Id, out var scaffold))
        {
            scaffold = SmilesParser.TryParse(c.Smiles, out var molecule, out _) ? MurckoScaffold.SmilesOf(molecule!) : "";
            cache[c.Id] = scaffold;
        }

        return scaffold;
    }
}
