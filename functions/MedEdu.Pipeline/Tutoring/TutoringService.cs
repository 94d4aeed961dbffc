using MedEdu.Compute.Exercises;
using MedEdu.Compute.Tutoring;
using MedEdu.Pipeline.Classes;

namespace MedEdu.Pipeline.Tutoring;

/// <summary>
/// The student model of each class: learned again from the class's scored answers after each one,
/// stored with pseudonymous ids, read to plan each student's practice and to warn instructors early.
/// Instructors may override a student's next exercise; the model suggests, the person decides.
/// </summary>
public sealed class TutoringService(ClassRepository classes, StudentModelRepository models, AuditRepository audit, TimeProvider clock)
{
    /// <summary>Longest note an instructor may leave with an override.</summary>
    public const int MaxNote = 200;

    /// <summary>The skill map the models read.</summary>
    public static SkillMap Map => SkillMap.Default;

    /// <summary>
    /// Learns the class's model from every scored answer in submission order and stores it. Replaying
    /// (a few hundred answers take well under a millisecond) keeps it right however submissions race.
    /// </summary>
    public async Task LearnAsync(string classId)
    {
        var templates = await TemplatesAsync(classId);
        var model = new StudentModel(Map);
        foreach (var s in (await classes.SubmissionsAsync(classId)).Where(s => s.Scored && templates.ContainsKey(s.ExerciseId))
                     .OrderBy(s => s.SubmittedAt).ThenBy(s => s.RowKey, StringComparer.Ordinal))
        {
            model.Observe(s.StudentId, templates[s.ExerciseId], s.Score);
        }

        await models.SaveAsync(classId, model);
    }

    /// <summary>The student's next exercise: the instructor's override while it stands, else the model's choice.</summary>
    public async Task<PracticePlan> PlanAsync(string classId, string studentId)
    {
        var mine = (await classes.SubmissionsAsync(classId)).Where(s => s.StudentId == studentId).ToList();
        var answered = mine.Where(s => s.Scored).Select(s => s.ExerciseId).ToHashSet();
        // The revisions this student is given: what they answered, else each exercise's current one.
        var templates = ExerciseRevisions.ForStudent(await classes.ExercisesAsync(classId), answered.Contains).ToDictionary(e => e.RowKey, Template);
        var model = await models.LoadAsync(classId, Map);
        var plan = MasteryPlanner.Next(model, studentId, templates.Select(t => new PracticeOption(t.Value, t.Key, answered.Contains(t.Key))).ToList());

        if (await models.FindOverrideAsync(classId, studentId) is { } chosen && templates.TryGetValue(chosen.ExerciseId, out var template)
            && !mine.Any(s => s.ExerciseId == chosen.ExerciseId && s.SubmittedAt >= chosen.At))
        {
            string reason = $"your instructor {chosen.InstructorName} chose this for you" + (chosen.Note.Length > 0 ? $": {chosen.Note}" : "");
            return plan with
            {
                Kind = template.Kind,
                Difficulty = template.Difficulty,
                ExerciseId = chosen.ExerciseId,
                Reason = reason,
                SkillId = Map.SkillsOf(template)[0].Id,
                Chance = Math.Round(model.PredictRight(studentId, template), 3),
                ChosenBy = "instructor",
            };
        }

        return plan;
    }

    /// <summary>Sets a student's next exercise (an instructor of the class); recorded with the model's suggestion and audited.</summary>
    /// <exception cref="ClassException">Invalid body, or NotFound for an unknown class, student or exercise; NotAllowed for another's class.</exception>
    public async Task<PracticeOverride> OverrideAsync(string classId, string studentId, PracticeOverrideRequest request, InstructorIdentity who)
    {
        ClassAccess.Require(await classes.FindClassAsync(classId), classId, who, ownerOnly: false);
        string note = request.Note?.Trim() ?? "";
        if (string.IsNullOrWhiteSpace(request.ExerciseId) || note.Length > MaxNote)
        {
            throw new ClassException(DomainError.Invalid, $"give 'exerciseId' (an exercise of the class) and at most {MaxNote} characters of 'note'");
        }

        _ = await classes.FindStudentAsync(classId, studentId) ?? throw new ClassException(DomainError.NotFound, $"no student '{studentId}' in class '{classId}'");
        _ = await classes.FindExerciseAsync(classId, request.ExerciseId) ?? throw new ClassException(DomainError.NotFound, $"no exercise '{request.ExerciseId}' in class '{classId}'");
        var suggested = await PlanAsync(classId, studentId);
        var entity = new PracticeOverrideEntity
        {
            PartitionKey = classId,
            RowKey = PracticeOverrideEntity.Prefix + studentId,
            ExerciseId = request.ExerciseId,
            Note = note,
            InstructorId = who.Id,
            InstructorName = who.Name,
            At = clock.GetUtcNow(),
            ModelSuggestion = suggested.ExerciseId is { } id ? $"{id} ({suggested.Reason})" : suggested.Reason,
        };
        await models.SetOverrideAsync(entity);
        await audit.RecordAsync("practice override", classId, who.Id, who.Name, $"next exercise set to {request.ExerciseId}", entity.At);
        return new PracticeOverride(studentId, entity.ExerciseId, entity.Note, entity.InstructorName, entity.At, entity.ModelSuggestion);
    }

    /// <summary>The model's part of the insights, from the class's exercises and scored answers the caller has read: the mastery heat map and the early warnings.</summary>
    public async Task<(List<StudentSkillMastery> Mastery, List<AtRiskStudent> AtRisk)> InsightsAsync(string classId, IReadOnlyDictionary<string, string> names,
        IEnumerable<Exercise> exercises, IEnumerable<SubmissionEntity> scored)
    {
        var templates = exercises.ToDictionary(e => e.Id, PracticeTemplate.Of);
        var model = await models.LoadAsync(classId, Map);
        var answered = scored.GroupBy(s => s.StudentId)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(s => s.ExerciseId).ToHashSet());
        return (ClassMastery.HeatMap(model, names, [.. templates.Values.Distinct()]), ClassMastery.AtRisk(model, names, templates, answered));
    }

    private async Task<Dictionary<string, PracticeTemplate>> TemplatesAsync(string classId) =>
        (await classes.ExercisesAsync(classId)).ToDictionary(e => e.RowKey, Template);

    private static PracticeTemplate Template(ExerciseEntity e) => PracticeTemplate.Of(ExerciseFactory.ExerciseOf(e));
}
