namespace MedEdu.Compute.Exercises;

/// <summary>A scored attempt in a student's history.</summary>
public sealed record Attempt(ExerciseKind Kind, int Difficulty, double Score);

/// <summary>The next exercise for a student and the reason, in words the student can read.</summary>
public sealed record PracticeSuggestion(ExerciseKind Kind, int Difficulty, string Reason);

/// <summary>
/// The rule MedEdu planned practice with before the student model (<see cref="Tutoring.MasteryPlanner"/>),
/// kept as the learners bench's baseline. It chooses the next exercise from past results with a rule a student can follow: practise the kind
/// with the weakest average (untried kinds first); two scores of 80+ in a row at a level move that
/// kind up a level, a score under 50 moves it down.
/// </summary>
public static class PracticePlanner
{
    /// <summary>The suggestion for a history (oldest first) among the kinds a class offers.</summary>
    public static PracticeSuggestion Next(IReadOnlyList<Attempt> history, IReadOnlyCollection<ExerciseKind> offered)
    {
        var kinds = Enum.GetValues<ExerciseKind>().Where(offered.Contains).ToList();
        if (kinds.Count == 0)
        {
            throw new ArgumentException("the class offers no exercise kinds", nameof(offered));
        }

        foreach (var kind in kinds)
        {
            if (history.All(a => a.Kind != kind))
            {
                return new PracticeSuggestion(kind, 1, $"you have not tried a {Words(kind)} yet");
            }
        }

        var weakest = kinds
            .Select(k => (Kind: k, Mean: history.Where(a => a.Kind == k).Average(a => a.Score)))
            .OrderBy(x => x.Mean).First();
        var attempts = history.Where(a => a.Kind == weakest.Kind).ToList();
        var last = attempts[^1];
        int level = last.Difficulty;
        string reason = $"{Words(weakest.Kind)} is your weakest kind (average {weakest.Mean:F0})";
        if (last.Score < 50 && level > 1)
        {
            level--;
            reason += $"; your last score was {last.Score:F0}, so one level easier";
        }
        else if (attempts.Count >= 2 && attempts[^2].Difficulty == level && attempts[^2].Score >= 80 && last.Score >= 80 && level < 3)
        {
            level++;
            reason += "; two scores of 80+ in a row, so one level harder";
        }

        return new PracticeSuggestion(weakest.Kind, level, reason);
    }

    private static string Words(ExerciseKind kind) => Tutoring.PracticeTemplate.KindWords(kind);
}
