namespace MedEdu.Compute.Exercises;

/// <summary>One scored attempt of a class, as the insights read it.</summary>
/// <param name="StudentId">The student's id.</param>
/// <param name="ExerciseId">The exercise answered.</param>
/// <param name="Answer">The student's answer (picked, flagged or ordered ids).</param>
/// <param name="Score">The score, 0-100.</param>
/// <param name="At">When it was submitted.</param>
public sealed record ScoredAttempt(string StudentId, string ExerciseId, IReadOnlyList<string> Answer, double Score, DateTimeOffset At);

/// <summary>Scores of one exercise kind at one level: mean, spread (standard deviation) and range, beside the model's mean.</summary>
public sealed record KindLevelStats(string Kind, int Difficulty, int Attempts, double Mean, double Spread, double Min, double Max, double? ModelMean);

/// <summary>A compound students misjudged (placed two or more ranks off, picked wrongly or missed, labelled wrongly), and whether the model did too.</summary>
public sealed record MisjudgedCompound(string CompoundId, string Name, string ExerciseId, string Kind, int Misjudged, int SeenBy, bool ModelMisjudged);

/// <summary>A student whose last two scores fall well below their earlier ones.</summary>
public sealed record FallingStudent(string DisplayName, double EarlierMean, double RecentMean, int Attempts);

/// <summary>One exercise of the class, as an instructor picks it (for an override).</summary>
public sealed record ExerciseOutline(string Id, string Kind, int Difficulty);

/// <summary>The class's mean score on one day.</summary>
public sealed record ProgressPoint(DateOnly Day, int Attempts, double Mean);

/// <summary>What an instructor needs to decide what to reteach.</summary>
/// <param name="Students">Students in the class.</param>
/// <param name="Attempts">Scored attempts.</param>
/// <param name="Mean">The mean score (null before any).</param>
/// <param name="ByKindAndLevel">Scores by kind and level.</param>
/// <param name="Misjudged">The compounds most misjudged.</param>
/// <param name="Falling">Students whose last two scores fall well below their earlier ones.</param>
/// <param name="Progress">The class's mean score by day.</param>
/// <param name="Mastery">The student model's mastery per student and skill (the heat map); empty before anyone answers.</param>
/// <param name="AtRisk">Students the model expects to struggle with what is left, before their scores fall.</param>
/// <param name="Exercises">The class's exercises (ids, kinds and levels), to choose a student's next one from.</param>
public sealed record ClassInsightsReport(int Students, int Attempts, double? Mean, IReadOnlyList<KindLevelStats> ByKindAndLevel,
    IReadOnlyList<MisjudgedCompound> Misjudged, IReadOnlyList<FallingStudent> Falling, IReadOnlyList<ProgressPoint> Progress,
    IReadOnlyList<Tutoring.StudentSkillMastery>? Mastery = null, IReadOnlyList<Tutoring.AtRiskStudent>? AtRisk = null, IReadOnlyList<ExerciseOutline>? Exercises = null);

/// <summary>
/// Class insights from the scored attempts and the answer keys: where the class struggles (kind and
/// level), which compounds it misjudges (and whether the model does too), who is slipping, and how
/// the class does over time. No measured value is needed beyond the keys already stored.
/// </summary>
public static class ClassInsights
{
    /// <summary>A fall this large (points) between earlier and recent means marks a student.</summary>
    public const double FallingBy = 15;

    /// <summary>Most misjudged compounds listed.</summary>
    public const int MostMisjudged = 10;

    /// <summary>Builds the report.</summary>
    public static ClassInsightsReport Build(IReadOnlyDictionary<string, (Exercise Exercise, AnswerKey Key, double? ModelScore)> exercises,
        IReadOnlyList<ScoredAttempt> attempts, IReadOnlyDictionary<string, string> studentNames)
    {
        var known = attempts.Where(a => exercises.ContainsKey(a.ExerciseId)).ToList();
        var byKindLevel = known
            .GroupBy(a => (exercises[a.ExerciseId].Exercise.Kind, exercises[a.ExerciseId].Exercise.Difficulty))
            .OrderBy(g => g.Key.Kind.ToString(), StringComparer.Ordinal).ThenBy(g => g.Key.Difficulty)
            .Select(g =>
            {
                var scores = g.Select(a => a.Score).ToList();
                double mean = scores.Average();
                double spread = Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / scores.Count);
                var models = g.Select(a => exercises[a.ExerciseId].ModelScore).Where(m => m is not null).Select(m => m!.Value).ToList();
                return new KindLevelStats(g.Key.Kind.ToString(), g.Key.Difficulty, scores.Count, Math.Round(mean, 1), Math.Round(spread, 1), scores.Min(), scores.Max(),
                    models.Count > 0 ? Math.Round(models.Average(), 1) : null);
            }).ToList();

        var misjudged = new Dictionary<(string Exercise, string Compound), int>();
        foreach (var a in known)
        {
            var (exercise, key, _) = exercises[a.ExerciseId];
            foreach (string id in Misjudgements(exercise, key, a.Answer))
            {
                misjudged[(a.ExerciseId, id)] = misjudged.GetValueOrDefault((a.ExerciseId, id)) + 1;
            }
        }

        var seenBy = known.GroupBy(a => a.ExerciseId).ToDictionary(g => g.Key, g => g.Count());
        var modelMisjudged = seenBy.Keys.ToDictionary(id => id, id =>
        {
            var (exercise, key, _) = exercises[id];
            return key.ModelOrder.Count > 0 ? Misjudgements(exercise, key, ModelAnswer(exercise, key)) : new HashSet<string>();
        });
        var worst = misjudged
            .Select(m =>
            {
                var (exercise, _, _) = exercises[m.Key.Exercise];
                bool model = modelMisjudged[m.Key.Exercise].Contains(m.Key.Compound);
                string name = exercise.Candidates.FirstOrDefault(c => c.Id == m.Key.Compound)?.Name ?? m.Key.Compound;
                return new MisjudgedCompound(m.Key.Compound, name, m.Key.Exercise, exercise.Kind.ToString(), m.Value, seenBy[m.Key.Exercise], model);
            })
            .OrderByDescending(m => (double)m.Misjudged / m.SeenBy).ThenByDescending(m => m.Misjudged).ThenBy(m => m.CompoundId, StringComparer.Ordinal)
            .Take(MostMisjudged).ToList();

        var falling = known.GroupBy(a => a.StudentId)
            .Select(g => (Name: studentNames.GetValueOrDefault(g.Key, g.Key), Scores: g.OrderBy(a => a.At).Select(a => a.Score).ToList()))
            .Where(x => x.Scores.Count >= 4)
            .Select(x => (x.Name, Earlier: x.Scores.SkipLast(2).Average(), Recent: x.Scores.TakeLast(2).Average(), Count: x.Scores.Count))
            .Where(x => x.Recent <= x.Earlier - FallingBy)
            .OrderBy(x => x.Recent - x.Earlier).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => new FallingStudent(x.Name, Math.Round(x.Earlier, 1), Math.Round(x.Recent, 1), x.Count)).ToList();

        var progress = known.GroupBy(a => DateOnly.FromDateTime(a.At.UtcDateTime)).OrderBy(g => g.Key)
            .Select(g => new ProgressPoint(g.Key, g.Count(), Math.Round(g.Average(a => a.Score), 1))).ToList();

        return new ClassInsightsReport(studentNames.Count, known.Count, known.Count > 0 ? Math.Round(known.Average(a => a.Score), 1) : null,
            byKindLevel, worst, falling, progress, Exercises: exercises.Values.Select(e => e.Exercise).OrderBy(e => e.Id, StringComparer.Ordinal)
                .Select(e => new ExerciseOutline(e.Id, e.Kind.ToString(), e.Difficulty)).ToList());
    }

    /// <summary>
    /// The compounds an answer gets wrong: for an ordering, those placed two or more ranks from their
    /// true place; for picks, wrong picks and missed right ones (a screen: picks that are not active);
    /// for flags and labels, every compound on the wrong side. A campaign's purchases are a strategy,
    /// not right or wrong answers: none.
    /// </summary>
    public static IReadOnlySet<string> Misjudgements(Exercise exercise, AnswerKey key, IReadOnlyList<string> answer)
    {
        if (exercise.Kind == ExerciseKind.Campaign)
        {
            return new HashSet<string>();
        }

        if (exercise.Kind == ExerciseKind.PropertyRanking)
        {
            var truthRank = key.Truth.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            return answer.Select((id, i) => (id, i)).Where(x => truthRank.TryGetValue(x.id, out int t) && Math.Abs(t - x.i) >= 2).Select(x => x.id).ToHashSet();
        }

        var given = answer.ToHashSet();
        if (exercise.Kind == ExerciseKind.VirtualScreen)
        {
            return given.Where(id => !key.Truth.Contains(id)).ToHashSet();
        }

        var right = exercise.Picks > 0 ? key.Truth.Take(exercise.Picks).ToHashSet() : key.Truth.ToHashSet();
        return given.Except(right).Concat(right.Except(given)).ToHashSet();
    }

    /// <summary>The model's answer in the student's form (its top picks, its order, or its positives).</summary>
    private static IReadOnlyList<string> ModelAnswer(Exercise exercise, AnswerKey key) =>
        exercise.Picks > 0 ? [.. key.ModelOrder.Take(exercise.Picks)] : key.ModelOrder;
}
