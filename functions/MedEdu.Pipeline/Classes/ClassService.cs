using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using MedEdu.Compute.Exercises;
using MedEdu.Pipeline.Datasets;
using Microsoft.Extensions.Logging;

namespace MedEdu.Pipeline.Classes;

/// <summary>Classes, exercise sets, students, submissions and results: the logic behind the class routes.</summary>
public sealed class ClassService(ClassRepository classes, Tutoring.TutoringService tutoring, CampaignService campaigns, DatasetService datasets, ExerciseFactory factory, TimeProvider clock, ILogger<ClassService> logger)
{
    private static readonly JsonSerializerOptions Json = SubmissionEntity.StoredJson;

    /// <summary>Creates a class and generates its exercises from the dataset's served version.</summary>
    /// <exception cref="ClassException">Unknown dataset, no ready version, or bad exercise specs.</exception>
    public async Task<ClassCreated> CreateAsync(CreateClassRequest request, InstructorIdentity owner)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || string.IsNullOrWhiteSpace(request.DatasetId))
        {
            throw new ClassException(DomainError.Invalid, "'name' and 'datasetId' are required");
        }

        string language = request.Language?.Trim().ToLowerInvariant() ?? "";
        if (language.Length > 0 && !ClassLanguages.Offered.Contains(language))
        {
            throw new ClassException(DomainError.Invalid, $"'language' is one of {string.Join(", ", ClassLanguages.Offered)}, not '{request.Language}'");
        }

        var lookup = await datasets.ResolveVersionAsync(request.DatasetId, null);
        if (lookup == VersionLookup.UnknownDataset)
        {
            throw new ClassException(DomainError.Invalid, $"no dataset with id '{request.DatasetId}'");
        }

        if (lookup.Key is not { } key)
        {
            throw new ClassException(DomainError.Conflict, lookup.NotReady!);
        }

        var pool = await factory.PoolAsync(key);
        var property = await factory.PropertyAsync(key.DatasetId, request.Property);

        // By default one exercise of every kind that fits the dataset's values (no ranking of 0/1 labels).
        // A campaign is a long game an instructor chooses, so the default set leaves it out.
        var specs = request.Exercises ?? Enum.GetValues<ExerciseKind>().Where(k => k != ExerciseKind.Campaign && ExerciseGenerator.Unsuitable(k, pool, property) is null)
            .Select(k => new ExerciseSpec { Kind = k.ToString(), Difficulty = 1, Count = 1 }).ToList();
        if (specs.Count == 0 || specs.Sum(s => s.Count ?? 1) > 50)
        {
            throw new ClassException(DomainError.Invalid, "give 1 to 50 exercises");
        }

        string classId = "c" + RandomToken(6).ToLowerInvariant();
        int seed = request.Seed ?? 1;
        var entities = new List<ExerciseEntity>();
        foreach (var spec in specs)
        {
            if (!Enum.TryParse<ExerciseKind>(spec.Kind, ignoreCase: true, out var kind))
            {
                throw new ClassException(DomainError.Invalid, $"unknown exercise kind '{spec.Kind}'; use one of: {string.Join(", ", Enum.GetNames<ExerciseKind>())}");
            }

            if (RuleSetNames.Parse(spec.Rules) is not { } rules || (rules != RuleSet.DrugLikeness && kind != ExerciseKind.RuleCheck))
            {
                throw new ClassException(DomainError.Invalid, $"'rules' is druglike or pains, for RuleCheck exercises only; not '{spec.Rules}' for {kind}");
            }

            if (spec.HasCampaignFields && kind != ExerciseKind.Campaign)
            {
                throw new ClassException(DomainError.Invalid, $"'librarySize', 'rounds', 'picksPerRound' and 'drugLike' are for Campaign exercises only, not {kind}");
            }

            int level = kind == ExerciseKind.Campaign ? Math.Clamp(spec.Difficulty ?? 1, 1, 3) : spec.Difficulty ?? 1;
            for (int i = 0; i < Math.Clamp(spec.Count ?? 1, 1, 20); i++)
            {
                var recipe = new ExerciseRecipe(kind, level, rules, kind == ExerciseKind.Campaign ? spec.CampaignOptions(level) : null, seed + entities.Count);
                ExerciseEntity made;
                try
                {
                    made = await factory.GenerateAsync(classId, $"e{entities.Count + 1:D2}", recipe, pool, property);
                }
                catch (ArgumentException e) when (request.Exercises is null)
                {
                    // The default set offers what the dataset can supply (a small set may have no matched pairs).
                    logger.LogInformation("Class default set skips {Kind} on {Version}: {Reason}", kind, key, e.Message);
                    break;
                }
                catch (ArgumentException e)
                {
                    throw new ClassException(DomainError.Invalid, $"dataset '{key.DatasetId}' cannot supply a {kind}: {e.Message}");
                }

                made.Order = entities.Count;
                entities.Add(made);
            }
        }

        var entity = new ClassEntity
        {
            RowKey = classId,
            Name = request.Name.Trim(),
            DatasetId = key.DatasetId,
            Version = key.Version,
            Code = JoinCode.New(),
            Property = property.Name,
            CreatedAt = clock.GetUtcNow(),
            OwnerId = owner.Id,
            OwnerName = owner.Name,
            EndsOn = request.EndsOn,
            Status = request.Publish == true ? ClassStatus.Published : ClassStatus.Draft,
            Language = language,
            PublishedAt = request.Publish == true ? clock.GetUtcNow() : null,
        };
        await classes.AddClassAsync(entity, entities);
        return new ClassCreated(classId, entity.Name, entity.Code, entity.DatasetId, entity.Version,
            entities.Select(e => Summary(e, null)).ToList(), entity.Status);
    }

    /// <summary>True when the class exists.</summary>
    public async Task<bool> ExistsAsync(string classId) => await classes.FindClassAsync(classId) is not null;

    /// <summary>
    /// The class if <paramref name="who"/> teaches it (owner, co-instructor or administrator; with
    /// <paramref name="ownerOnly"/>, owner or administrator).
    /// </summary>
    /// <exception cref="ClassException">NotFound for an unknown class, NotAllowed for someone else's.</exception>
    public async Task<ClassEntity> ManagedAsync(string classId, InstructorIdentity who, bool ownerOnly = false) =>
        ClassAccess.Require(await classes.FindClassAsync(classId), classId, who, ownerOnly);

    /// <summary>The classes <paramref name="who"/> owns or co-teaches (every class for an administrator).</summary>
    public async Task<List<InstructorClass>> ClassesOfAsync(InstructorIdentity who) =>
        [.. (await classes.ClassesOfAsync(who)).OrderByDescending(c => c.CreatedAt)
            .Select(c => Listed(c, RoleOf(c, who)))];

    private static string RoleOf(ClassEntity c, InstructorIdentity who) =>
        c.OwnerId == who.Id ? "owner" : who.IsAdministrator ? "administrator" : "co-instructor";

    /// <summary>A class in an instructor's list, with <paramref name="who"/>'s role in it.</summary>
    public static InstructorClass Listed(ClassEntity c, InstructorIdentity who) => Listed(c, RoleOf(c, who));

    private static InstructorClass Listed(ClassEntity c, string role) =>
        new(c.RowKey, c.Name, c.Code, c.DatasetId, c.Version, c.OwnerName, role, [.. ClassAccess.CoInstructors(c)], c.EndsOn, c.Status);

    /// <summary>Adds a co-instructor (owner or administrator only); adding one twice changes nothing.</summary>
    /// <exception cref="ClassException">Invalid without an id, NotAllowed/NotFound as <see cref="ManagedAsync"/>.</exception>
    public async Task<InstructorClass> AddCoInstructorAsync(string classId, InstructorIdentity who, string? instructorId)
    {
        if (string.IsNullOrWhiteSpace(instructorId) || instructorId.Contains(','))
        {
            throw new ClassException(DomainError.Invalid, "give 'instructorId': the id of the instructor to add (their Entra object id, or their account id)");
        }

        var c = await ManagedAsync(classId, who, ownerOnly: true);
        var co = ClassAccess.CoInstructors(c).ToList();
        if (!co.Contains(instructorId.Trim()) && instructorId.Trim() != c.OwnerId)
        {
            co.Add(instructorId.Trim());
            c.CoInstructors = string.Join(',', co);
            await classes.UpdateClassAsync(c);
        }

        return Listed(c, RoleOf(c, who));
    }

    /// <summary>A student joins with the class code and gets a pseudonymous id and a token.</summary>
    public async Task<Joined> JoinAsync(JoinRequest request)
    {
        string name = request.DisplayName?.Trim() ?? "";
        if (name.Length is < 1 or > 40)
        {
            throw new ClassException(DomainError.Invalid, "'displayName' must be 1 to 40 characters (any name you like; it is the only personal data kept)") { Key = "JoinDisplayName" };
        }

        var cls = await classes.FindByCodeAsync(JoinCode.Normalize(request.Code))
            ?? throw new ClassException(DomainError.NotFound, "no class has that code") { Key = "JoinNoClass" };
        if (cls.IsDraft)
        {
            throw new ClassException(DomainError.Conflict, $"class '{cls.Name}' is a draft: its instructor is still reviewing the exercises and has not published it yet; try again later")
            {
                Key = "JoinDraft",
                Arguments = [cls.Name],
            };
        }

        string token = RandomToken(32);
        var student = new StudentEntity
        {
            PartitionKey = cls.RowKey,
            RowKey = "s" + RandomToken(8).ToLowerInvariant(),
            DisplayName = name,
            TokenHash = Hash(token),
            JoinedAt = clock.GetUtcNow(),
        };
        await classes.AddStudentAsync(student);
        return new Joined(cls.RowKey, student.RowKey, name, $"{student.RowKey}.{token}", cls.Name, cls.DatasetId, cls.Version, cls.Language.Length > 0 ? cls.Language : null);
    }

    /// <summary>The student behind a bearer token, or null when it does not belong to the class.</summary>
    public async Task<StudentEntity?> AuthenticateAsync(string classId, string? bearer)
    {
        if (bearer is null || bearer.Split('.', 2) is not [var studentId, var secret])
        {
            return null;
        }

        var student = await classes.FindStudentAsync(classId, studentId);
        return student is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(student.TokenHash), Encoding.ASCII.GetBytes(Hash(secret)))
            ? student
            : null;
    }

    /// <summary>
    /// The class's exercises with this student's scores: of each exercise, the revision the student
    /// answered, else its current one (a withdrawn exercise only for those who answered it).
    /// </summary>
    public async Task<List<ExerciseSummary>> ExercisesAsync(string classId, string studentId)
    {
        var scored = (await classes.SubmissionsAsync(classId)).Where(s => s.StudentId == studentId && s.Scored).ToDictionary(s => s.ExerciseId);
        return ExerciseRevisions.ForStudent(await classes.ExercisesAsync(classId), scored.ContainsKey)
            .Select(e => Summary(e, scored.TryGetValue(e.RowKey, out var s) ? s : null)).ToList();
    }

    /// <summary>The student-facing exercise (no answer key).</summary>
    public async Task<Exercise?> ExerciseAsync(string classId, string exerciseId) =>
        await classes.FindExerciseAsync(classId, exerciseId) is { } e ? ExerciseFactory.ExerciseOf(e) : null;

    /// <summary>Scores (first attempt) or records (later attempts) a submission and returns the feedback.</summary>
    public async Task<SubmissionResult> SubmitAsync(string classId, string exerciseId, StudentEntity student, List<string> answer)
    {
        var result = await ScoreAsync(classId, exerciseId, student, answer);
        if (result.Scored)
        {
            await tutoring.LearnAsync(classId);
        }

        return result;
    }

    private async Task<SubmissionResult> ScoreAsync(string classId, string exerciseId, StudentEntity student, List<string> answer)
    {
        var entity = await classes.FindExerciseAsync(classId, exerciseId) ?? throw new ClassException(DomainError.NotFound, $"no exercise '{exerciseId}' in this class")
        {
            Key = "NoExercise",
            Arguments = [exerciseId],
        };
        if (entity.Kind == nameof(ExerciseKind.Campaign))
        {
            return await campaigns.PlayAsync(entity, student, answer);
        }

        var exercise = ExerciseFactory.ExerciseOf(entity);
        var key = ExerciseFactory.KeyOf(entity);
        ExerciseFeedback feedback;
        try
        {
            feedback = ExerciseScorer.Score(exercise, key, answer);
        }
        catch (AnswerException e)
        {
            throw new ClassException(DomainError.Invalid, e.Message) { Key = $"Answer{e.Problem}", Arguments = e.Arguments };
        }
        catch (ArgumentException e)
        {
            throw new ClassException(DomainError.Invalid, e.Message);
        }

        // One scored answer per exercise, whichever of its revisions it answered (each against its own key).
        var otherRevision = entity.Retired || entity.Revision > 1 ? await ScoredRevisionAsync(classId, student.RowKey, entity) : null;
        var stored = await classes.AddNextAttemptAsync(classId, student.RowKey, exerciseId, previous => SubmissionEntity.Create(classId, student.RowKey, exerciseId, previous.Count + 1,
            previous.Count == 0 && otherRevision is null, answer, feedback, clock.GetUtcNow()));
        if (stored is not { } s)
        {
            throw new ClassException(DomainError.Conflict, "too many simultaneous submissions; try again");
        }

        var scoredScore = s.Added.Scored ? feedback.Score : s.Previous.FirstOrDefault(p => p.Scored)?.Score ?? otherRevision!.Score;
        return new SubmissionResult(exerciseId, s.Added.Attempt, s.Added.Scored, scoredScore, feedback.ModelScore, feedback, answer);
    }

    /// <summary>The student's scored answer to another revision of <paramref name="entity"/>'s exercise, or null.</summary>
    private async Task<SubmissionEntity?> ScoredRevisionAsync(string classId, string studentId, ExerciseEntity entity)
    {
        var revisions = (await classes.ExercisesAsync(classId)).Where(e => e.LineageId == entity.LineageId && e.RowKey != entity.RowKey).Select(e => e.RowKey).ToHashSet();
        return (await classes.SubmissionsAsync(classId)).FirstOrDefault(s => s.StudentId == studentId && s.Scored && revisions.Contains(s.ExerciseId));
    }

    /// <summary>The student's own submissions, with feedback.</summary>
    public async Task<List<SubmissionResult>> MySubmissionsAsync(string classId, string studentId) =>
        (await classes.SubmissionsAsync(classId)).Where(s => s.StudentId == studentId).OrderBy(s => s.RowKey, StringComparer.Ordinal)
            .Select(s => new SubmissionResult(s.ExerciseId, s.Attempt, s.Scored, s.Score, s.ModelScore, JsonSerializer.Deserialize<ExerciseFeedback>(s.FeedbackJson, Json)!,
                s.Answer()))
            .ToList();

    /// <summary>Display names ranked by total scored points.</summary>
    public async Task<List<LeaderboardRow>> LeaderboardAsync(string classId)
    {
        var scored = (await classes.SubmissionsAsync(classId)).Where(s => s.Scored).ToList();
        var students = await classes.StudentsAsync(classId);
        var rows = students
            .Select(st => (st.DisplayName, Total: scored.Where(s => s.StudentId == st.RowKey).Sum(s => s.Score), Count: scored.Count(s => s.StudentId == st.RowKey)))
            .OrderByDescending(x => x.Total).ThenBy(x => x.DisplayName, StringComparer.Ordinal).ToList();
        return rows.Select((r, i) => new LeaderboardRow(i + 1, r.DisplayName, Math.Round(r.Total, 1), r.Count)).ToList();
    }

    /// <summary>The class results as CSV: one row per student and exercise (scored attempt).</summary>
    public async Task<string> ResultsCsvAsync(string classId)
    {
        var students = (await classes.StudentsAsync(classId)).OrderBy(s => s.DisplayName, StringComparer.Ordinal).ToList();
        var exercises = (await classes.ExercisesAsync(classId)).OrderBy(e => e.Order).ToList();
        var scored = (await classes.SubmissionsAsync(classId)).Where(s => s.Scored).ToDictionary(s => (s.StudentId, s.ExerciseId));
        var sb = new StringBuilder("student_id,display_name,exercise_id,kind,difficulty,score,model_score,submitted_at\n");
        foreach (var st in students)
        {
            foreach (var e in exercises)
            {
                scored.TryGetValue((st.RowKey, e.RowKey), out var s);
                sb.Append(CultureInfo.InvariantCulture, $"{st.RowKey},{CsvField(st.DisplayName)},{e.RowKey},{e.Kind},{e.Difficulty},{s?.Score.ToString(CultureInfo.InvariantCulture)},{s?.ModelScore?.ToString(CultureInfo.InvariantCulture)},{s?.SubmittedAt.ToString("O", CultureInfo.InvariantCulture)}\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>The class's insights: scores by kind and level, misjudged compounds, falling students, progress by day, the student model's mastery and early warnings.</summary>
    public async Task<ClassInsightsReport> InsightsAsync(string classId)
    {
        var scored = (await classes.SubmissionsAsync(classId)).Where(s => s.Scored).ToList();
        var modelScores = scored.GroupBy(s => s.ExerciseId).ToDictionary(g => g.Key, g => g.First().ModelScore);
        var rows = await classes.ExercisesAsync(classId);
        var exercises = rows.ToDictionary(
            e => e.RowKey,
            e => (ExerciseFactory.ExerciseOf(e), ExerciseFactory.KeyOf(e), modelScores.GetValueOrDefault(e.RowKey)));
        var names = (await classes.StudentsAsync(classId)).ToDictionary(s => s.RowKey, s => s.DisplayName);
        var attempts = scored.Select(s => new ScoredAttempt(s.StudentId, s.ExerciseId, s.Answer(), s.Score, s.SubmittedAt)).ToList();
        // The student model warns about the exercises students are given now (not replaced or withdrawn revisions).
        var current = ExerciseRevisions.Current(rows).Select(e => exercises[e.RowKey].Item1);
        var (mastery, atRisk) = await tutoring.InsightsAsync(classId, names, current, scored);
        return ClassInsights.Build(exercises, attempts, names) with { Mastery = mastery, AtRisk = atRisk };
    }

    private static ExerciseSummary Summary(ExerciseEntity e, SubmissionEntity? scored)
    {
        var exercise = ExerciseFactory.ExerciseOf(e);
        return new ExerciseSummary(e.RowKey, e.Kind, e.Difficulty, exercise.Prompt, scored is not null, scored?.Score, exercise.PromptPhrase);
    }

    private static string RandomToken(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', 'x').Replace('/', 'y')[..Math.Min(bytes + (bytes / 3), 43)];

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string CsvField(string value) => Compute.Data.CsvFieldWriter.Field(value);
}

/// <summary>A class request that cannot be honoured, and why.</summary>
public sealed class ClassException(DomainError error, string message, string? title = null) : DomainException(error, message, title);
