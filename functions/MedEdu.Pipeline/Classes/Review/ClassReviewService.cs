using System.Security.Cryptography;
using MedEdu.Compute.Exercises;
using MedEdu.Pipeline.Datasets;

namespace MedEdu.Pipeline.Classes.Review;

/// <summary>
/// Instructors decide what students see: a class starts as a draft; its instructors preview each
/// exercise with its key and the model's answers, remove, regenerate, swap a compound (the fairness
/// rule checked again) or reword one, then publish. A published exercise is never changed in place:
/// a change makes a new revision, and students who answered the old one keep it and its key. Every
/// change is audited.
/// </summary>
public sealed class ClassReviewService(ClassRepository classes, ExerciseFactory factory, AuditRepository audit, TimeProvider clock)
{
    /// <summary>The class with every exercise as students see it, its key and the model's answers (owner or co-instructor).</summary>
    /// <exception cref="ClassException">NotFound for an unknown class, NotAllowed for another's.</exception>
    public async Task<ClassReview> PreviewAsync(string classId, InstructorIdentity who)
    {
        var cls = await TeachAsync(classId, who);
        var answers = (await classes.SubmissionsAsync(classId)).GroupBy(s => s.ExerciseId).ToDictionary(g => g.Key, g => g.Count());
        var exercises = (await classes.ExercisesAsync(classId)).OrderBy(e => e.Order).ThenBy(e => e.Revision)
            .Select(e => Reviewed(e, answers.GetValueOrDefault(e.RowKey))).ToList();
        return new ClassReview(cls.RowKey, cls.Name, cls.Status, cls.DatasetId, cls.Version, exercises);
    }

    /// <summary>Opens the class to students; publishing a published class changes nothing.</summary>
    /// <exception cref="ClassException">NotFound, NotAllowed; Conflict for a class with no exercise left.</exception>
    public async Task<InstructorClass> PublishAsync(string classId, InstructorIdentity who)
    {
        var cls = await TeachAsync(classId, who);
        if (cls.IsDraft)
        {
            int offered = ExerciseRevisions.Current(await classes.ExercisesAsync(classId)).Count;
            if (offered == 0)
            {
                throw new ClassException(DomainError.Conflict, $"class '{classId}' has no exercise left to publish; regenerate one or create the class again");
            }

            cls.Status = ClassStatus.Published;
            cls.PublishedAt = clock.GetUtcNow();
            await classes.UpdateClassAsync(cls);
            await audit.RecordAsync("class published", classId, who.Id, who.Name, $"published with {offered} exercises", cls.PublishedAt.Value);
        }

        return ClassService.Listed(cls, who);
    }

    /// <summary>
    /// Removes an exercise: deleted from a draft; withdrawn from a published class (students who
    /// answered it keep it and their score; no one else is given it).
    /// </summary>
    /// <exception cref="ClassException">NotFound for an unknown class or exercise, NotAllowed, Conflict for one already retired or changed meanwhile.</exception>
    public async Task<ClassReview> RemoveAsync(string classId, string exerciseId, InstructorIdentity who)
    {
        var (cls, exercise) = await CurrentAsync(classId, exerciseId, who);
        bool done;
        if (cls.IsDraft)
        {
            done = await classes.TryDeleteExerciseAsync(exercise);
        }
        else
        {
            exercise.Retired = true;
            done = await classes.TryReplaceExerciseAsync(exercise);
        }

        RequireWon(done, exerciseId);
        await audit.RecordAsync(cls.IsDraft ? "exercise removed" : "exercise withdrawn", classId, who.Id, who.Name, $"{exerciseId} ({Describe(exercise)})", clock.GetUtcNow());
        return await PreviewAsync(classId, who);
    }

    /// <summary>Generates the exercise again (same kind, level and rule set) with a new seed.</summary>
    /// <exception cref="ClassException">As <see cref="RemoveAsync"/>; Invalid when the dataset cannot supply it with that seed.</exception>
    public async Task<ReviewedExercise> RegenerateAsync(string classId, string exerciseId, RegenerateExerciseRequest request, InstructorIdentity who)
    {
        var (cls, current) = await CurrentAsync(classId, exerciseId, who);
        int seed = request.Seed ?? RandomNumberGenerator.GetInt32(1, 1_000_000);
        if (seed == current.Seed)
        {
            throw new ClassException(DomainError.Invalid, $"'seed' {seed} is the one {exerciseId} was made with; give another (or none for a random one)");
        }

        var shown = ExerciseFactory.ExerciseOf(current);
        var kind = Enum.Parse<ExerciseKind>(current.Kind);
        var campaign = shown.Campaign is { } brief
            ? Compute.Campaigns.CampaignOptions.ForDifficulty(current.Difficulty) with { LibrarySize = brief.LibrarySize, Rounds = brief.Rounds, PicksPerRound = brief.PicksPerRound }
            : null;
        var recipe = new ExerciseRecipe(kind, current.Difficulty, RuleSetNames.Parse(shown.Rules) ?? RuleSet.DrugLikeness, campaign, seed);
        var pool = await factory.PoolAsync(new DatasetVersionKey(cls.DatasetId, cls.Version));
        var property = await factory.PropertyAsync(cls.DatasetId, cls.Property);
        ExerciseEntity made;
        try
        {
            made = await factory.GenerateAsync(classId, NextId(cls, current), recipe, pool, property);
        }
        catch (ArgumentException e)
        {
            throw new ClassException(DomainError.Invalid, $"dataset '{cls.DatasetId}' version {cls.Version} cannot supply a {kind} with seed {seed}: {e.Message}");
        }

        return await SaveAsync(cls, current, made, who, "exercise regenerated", $"{exerciseId} ({Describe(current)}): seed {current.Seed} → {seed}");
    }

    /// <summary>Swaps one candidate for another compound of the class's dataset version; the key is built again and the exercise's fairness rule checked again.</summary>
    /// <exception cref="ClassException">As <see cref="RemoveAsync"/>; Invalid for a missing field, an unknown compound, or a swap the fairness rules refuse (naming the rule).</exception>
    public async Task<ReviewedExercise> ReplaceCompoundAsync(string classId, string exerciseId, ReplaceCompoundRequest request, InstructorIdentity who)
    {
        if (string.IsNullOrWhiteSpace(request.CompoundId) || string.IsNullOrWhiteSpace(request.ReplacementId))
        {
            throw new ClassException(DomainError.Invalid, "give 'compoundId' (the candidate to take out) and 'replacementId' (a compound of the class's dataset version to put in)");
        }

        var (cls, current) = await CurrentAsync(classId, exerciseId, who);
        var pool = await factory.PoolAsync(new DatasetVersionKey(cls.DatasetId, cls.Version));
        var replacement = pool.FirstOrDefault(c => c.Id == request.ReplacementId.Trim())
            ?? throw new ClassException(DomainError.Invalid, $"'replacementId': no compound '{request.ReplacementId.Trim()}' among the compounds class '{classId}' draws from (dataset '{cls.DatasetId}' version {cls.Version})");
        var property = await factory.PropertyAsync(cls.DatasetId, cls.Property);
        (Exercise Exercise, AnswerKey Key) edited;
        try
        {
            edited = ExerciseEditor.Replace(ExerciseFactory.ExerciseOf(current), ExerciseFactory.KeyOf(current), request.CompoundId.Trim(), replacement, pool, property);
        }
        catch (ExerciseRuleException e)
        {
            throw new ClassException(DomainError.Invalid, $"{request.CompoundId.Trim()} cannot be replaced by {replacement.Id} in {exerciseId}: {e.Message}", $"Breaks the rule: {e.Rule}");
        }

        string id = NextId(cls, current);
        var made = ExerciseFactory.Entity(classId, id, current.Seed, edited.Exercise, edited.Key);
        return await SaveAsync(cls, current, made, who, "compound replaced", $"{exerciseId} ({Describe(current)}): {request.CompoundId.Trim()} → {replacement.Id}");
    }

    /// <summary>Rewords the exercise's prompt.</summary>
    /// <exception cref="ClassException">As <see cref="RemoveAsync"/>; Invalid for an empty or too long prompt.</exception>
    public async Task<ReviewedExercise> EditAsync(string classId, string exerciseId, EditExerciseRequest request, InstructorIdentity who)
    {
        var (cls, current) = await CurrentAsync(classId, exerciseId, who);
        Exercise edited;
        try
        {
            edited = ExerciseEditor.WithPrompt(ExerciseFactory.ExerciseOf(current), request.Prompt);
        }
        catch (ExerciseRuleException e)
        {
            throw new ClassException(DomainError.Invalid, e.Message);
        }

        var made = ExerciseFactory.Entity(classId, NextId(cls, current), current.Seed, edited, ExerciseFactory.KeyOf(current));
        return await SaveAsync(cls, current, made, who, "prompt edited", $"{exerciseId} ({Describe(current)}): \"{Shorten(edited.Prompt)}\"");
    }

    /// <summary>A draft's exercise changes in place; a published one gets the next revision and the old one is retired.</summary>
    private async Task<ReviewedExercise> SaveAsync(ClassEntity cls, ExerciseEntity current, ExerciseEntity made, InstructorIdentity who, string action, string detail)
    {
        made.Order = current.Order;
        made.Lineage = current.Lineage;
        bool done;
        if (cls.IsDraft)
        {
            made.Revision = current.Revision;
            made.ETag = current.ETag;
            done = await classes.TryReplaceExerciseAsync(made);
        }
        else
        {
            made.Lineage = current.LineageId;
            made.Revision = current.Revision + 1;
            current.Retired = true;
            done = await classes.TryReviseExerciseAsync(current, made);
            detail += $"; published, so revision {made.Revision} is {made.RowKey} and {current.RowKey} stays for the students who answered it";
        }

        RequireWon(done, current.RowKey);
        await audit.RecordAsync(action, cls.RowKey, who.Id, who.Name, detail, clock.GetUtcNow());
        return Reviewed(made, 0);
    }

    /// <summary>The id a change is stored under: the same in a draft, the lineage's next revision once published (e03 → e03r2 → e03r3).</summary>
    private static string NextId(ClassEntity cls, ExerciseEntity current) =>
        cls.IsDraft ? current.RowKey : $"{current.LineageId}r{current.Revision + 1}";

    private async Task<ClassEntity> TeachAsync(string classId, InstructorIdentity who) =>
        ClassAccess.Require(await classes.FindClassAsync(classId), classId, who, ownerOnly: false);

    private async Task<(ClassEntity Class, ExerciseEntity Exercise)> CurrentAsync(string classId, string exerciseId, InstructorIdentity who)
    {
        var cls = await TeachAsync(classId, who);
        var exercise = await classes.FindExerciseAsync(classId, exerciseId)
            ?? throw new ClassException(DomainError.NotFound, $"no exercise '{exerciseId}' in class '{classId}'");
        if (exercise.Retired)
        {
            var newer = ExerciseRevisions.Current(await classes.ExercisesAsync(classId)).FirstOrDefault(e => e.LineageId == exercise.LineageId);
            throw new ClassException(DomainError.Conflict, newer is null
                ? $"exercise '{exerciseId}' was withdrawn; it is kept only for the students who answered it"
                : $"exercise '{exerciseId}' was replaced by revision {newer.Revision} ('{newer.RowKey}'); change that one");
        }

        return (cls, exercise);
    }

    private static void RequireWon(bool done, string exerciseId)
    {
        if (!done)
        {
            throw new ClassException(DomainError.Conflict, $"exercise '{exerciseId}' was changed by someone else meanwhile; reload the review and try again");
        }
    }

    private static ReviewedExercise Reviewed(ExerciseEntity e, int submissions) => new(
        ExerciseFactory.ExerciseOf(e), ExerciseFactory.KeyOf(e), e.LineageId, e.Revision, e.Retired, e.Seed, submissions,
        ExerciseEditor.Replaceable.Contains(Enum.Parse<ExerciseKind>(e.Kind)));

    private static string Describe(ExerciseEntity e) => $"{e.Kind} level {e.Difficulty}";

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
