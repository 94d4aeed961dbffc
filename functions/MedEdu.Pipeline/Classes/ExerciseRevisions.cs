namespace MedEdu.Pipeline.Classes;

/// <summary>
/// Which revision of each exercise a reader is given. A published exercise an instructor changes
/// keeps its old revision (and key) for the students who answered it; everyone else gets the new one.
/// </summary>
public static class ExerciseRevisions
{
    /// <summary>The current revision of each exercise (not withdrawn), in the class's order.</summary>
    public static List<ExerciseEntity> Current(IEnumerable<ExerciseEntity> exercises) =>
        [.. exercises.Where(e => !e.Retired).OrderBy(e => e.Order).ThenBy(e => e.Revision)];

    /// <summary>
    /// For a student: of each exercise, the newest revision they answered (<paramref name="answered"/>
    /// says which rows), else the current one; a withdrawn exercise only when they answered it.
    /// </summary>
    public static List<ExerciseEntity> ForStudent(IEnumerable<ExerciseEntity> exercises, Func<string, bool> answered) =>
        [.. exercises.GroupBy(e => e.LineageId)
            .Select(g => g.Where(e => answered(e.RowKey)).MaxBy(e => e.Revision) ?? g.Where(e => !e.Retired).MaxBy(e => e.Revision))
            .OfType<ExerciseEntity>()
            .OrderBy(e => e.Order)];
}
