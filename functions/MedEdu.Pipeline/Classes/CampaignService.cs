using System.Globalization;
using System.Text;
using System.Text.Json;
using MedEdu.Compute.Campaigns;
using MedEdu.Compute.Exercises;

namespace MedEdu.Pipeline.Classes;

/// <summary>
/// Discovery campaigns in a class: each round a student plays is one stored submission (attempt =
/// round; the last round is the scored one), so a campaign resumes from storage after a reload and
/// an instructor reads every student's curve beside the model's.
/// </summary>
public sealed class CampaignService(ClassRepository classes, CampaignRepository campaigns, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = SubmissionEntity.StoredJson;

    /// <summary>Builds a campaign exercise for a new class (the setup is stored by <see cref="StoreAsync"/> once the exercise has its id).</summary>
    /// <exception cref="ArgumentException">Bad options or a dataset that cannot fill the library.</exception>
    public static (Exercise Exercise, AnswerKey Key, CampaignSetup Setup) Generate(IReadOnlyList<ExerciseCompound> pool, int seed, int difficulty, PropertyProfile property, CampaignOptions options)
    {
        var setup = CampaignBuilder.Build(pool, seed, options);
        var exercise = CampaignReferee.Exercise($"Campaign-{seed.ToString(CultureInfo.InvariantCulture)}-{difficulty}", Math.Clamp(difficulty, 1, 3), setup, property);
        return (exercise, new AnswerKey([], [], new Dictionary<string, CandidateFacts>(), property), setup);
    }

    /// <summary>Stores a new class's campaign setup.</summary>
    public Task StoreAsync(string classId, string exerciseId, CampaignSetup setup) => campaigns.PutAsync(classId, exerciseId, setup);

    /// <summary>Plays a student's next round; the round that spends the budget is the scored submission.</summary>
    /// <exception cref="ClassException">Invalid for a refused pick (named), Conflict when the campaign is over or under concurrent submits.</exception>
    public async Task<SubmissionResult> PlayAsync(ExerciseEntity entity, StudentEntity student, List<string> picks)
    {
        string classId = entity.PartitionKey, exerciseId = entity.RowKey;
        var (setup, property) = await SetupAsync(entity);
        ExerciseFeedback? feedback = null;
        var stored = await classes.AddNextAttemptAsync(classId, student.RowKey, exerciseId, previous =>
        {
            if (previous.Count >= setup.Rounds)
            {
                throw new ClassException(DomainError.Conflict, $"the campaign is over: all {setup.Rounds} rounds are played");
            }

            try
            {
                feedback = CampaignReferee.Play(setup, Rounds(previous), picks, property);
            }
            catch (ArgumentException e)
            {
                throw new ClassException(DomainError.Invalid, e.Message);
            }

            return SubmissionEntity.Create(classId, student.RowKey, exerciseId, previous.Count + 1, feedback.Campaign!.Finished, picks, feedback, clock.GetUtcNow());
        }) ?? throw new ClassException(DomainError.Conflict, "too many simultaneous submissions; try again");

        // The feedback of the attempt that was stored (a retry after a lost race replays and plays again).
        return new SubmissionResult(exerciseId, stored.Added.Attempt, stored.Added.Scored, feedback!.Score, feedback.ModelScore, feedback, picks);
    }

    /// <summary>A student's campaign as stored: the library (their own purchases revealed) and every curve up to their round.</summary>
    /// <exception cref="ClassException">NotFound when the exercise is not a campaign of the class.</exception>
    public async Task<CampaignView> ViewAsync(string classId, string exerciseId, string studentId)
    {
        var entity = await CampaignEntityAsync(classId, exerciseId);
        var (setup, property) = await SetupAsync(entity);
        var played = Rounds((await classes.SubmissionsAsync(classId)).Where(s => s.StudentId == studentId && s.ExerciseId == exerciseId).OrderBy(s => s.Attempt));
        var state = CampaignReferee.State(setup, played, property);
        var bought = played.SelectMany((round, r) => round.Select(id => (id, r))).ToDictionary(x => x.id, x => x.r + 1);
        var exercise = JsonSerializer.Deserialize<Exercise>(entity.ExerciseJson, Json)!;
        var library = setup.Library.Select(c =>
        {
            int? round = bought.TryGetValue(c.Id, out int r) ? r : null;
            return new CampaignLibraryEntry(c.Id, c.Name, c.Smiles, c.MolWt, c.MolLogP, c.Tpsa, c.HDonors, c.HAcceptors, c.RotatableBonds, c.X, c.Y, round is null ? null : c.Measured, round);
        }).ToList();
        return new CampaignView(exerciseId, exercise.Prompt, exercise.Campaign!, library, state, exercise.PromptPhrase);
    }

    /// <summary>Every student's curve beside the opponents' (instructors).</summary>
    /// <exception cref="ClassException">NotFound when the exercise is not a campaign of the class.</exception>
    public async Task<CampaignClassReport> ClassReportAsync(string classId, string exerciseId) =>
        await ReportAsync(await CampaignEntityAsync(classId, exerciseId), await NamesAsync(classId), await classes.SubmissionsAsync(classId));

    /// <summary>The reports of every campaign of a class, in exercise order (instructors); the class's students and submissions are read once.</summary>
    public async Task<List<CampaignClassReport>> ClassReportsAsync(string classId)
    {
        var campaignsOfClass = (await classes.ExercisesAsync(classId)).Where(e => e.Kind == nameof(ExerciseKind.Campaign)).OrderBy(e => e.Order).ToList();
        if (campaignsOfClass.Count == 0)
        {
            return [];
        }

        var names = await NamesAsync(classId);
        var submissions = await classes.SubmissionsAsync(classId);
        var reports = new List<CampaignClassReport>();
        foreach (var e in campaignsOfClass)
        {
            reports.Add(await ReportAsync(e, names, submissions));
        }

        return reports;
    }

    private async Task<Dictionary<string, string>> NamesAsync(string classId) =>
        (await classes.StudentsAsync(classId)).ToDictionary(s => s.RowKey, s => s.DisplayName);

    private async Task<CampaignClassReport> ReportAsync(ExerciseEntity entity, Dictionary<string, string> names, List<SubmissionEntity> submissions)
    {
        var (setup, property) = await SetupAsync(entity);
        var students = submissions.Where(s => s.ExerciseId == entity.RowKey).GroupBy(s => s.StudentId)
            .Select(g =>
            {
                var round = CampaignReferee.State(setup, Rounds(g.OrderBy(s => s.Attempt)), property);
                var you = round.Players[0];
                return new CampaignCurve(names.GetValueOrDefault(g.Key, g.Key), g.Key, you.Progress, you.Area, round.Finished);
            })
            .OrderByDescending(c => c.Area).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var opponents = setup.Opponents.Select(o => new CampaignCurve(o.Name, null, o.Progress, o.Area, true)).ToList();
        return new CampaignClassReport(entity.RowKey, setup.Goal, setup.Rounds, setup.Start().LibraryBest, students, opponents);
    }

    /// <summary>The report as CSV: one row per player and round.</summary>
    public static string ClassReportCsv(CampaignClassReport report)
    {
        var sb = new StringBuilder("exercise_id,player,student_id,round,progress,area\n");
        foreach (var c in report.Opponents.Concat(report.Students))
        {
            for (int r = 0; r < c.Progress.Count; r++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{report.ExerciseId},{Compute.Data.CsvFieldWriter.Field(c.Name)},{c.StudentId},{r + 1},{c.Progress[r]},{c.Area}\n");
            }
        }

        return sb.ToString();
    }

    private async Task<ExerciseEntity> CampaignEntityAsync(string classId, string exerciseId) =>
        await classes.FindExerciseAsync(classId, exerciseId) is { Kind: nameof(ExerciseKind.Campaign) } e
            ? e
            : throw new ClassException(DomainError.NotFound, $"no campaign '{exerciseId}' in this class");

    private async Task<(CampaignSetup Setup, PropertyProfile Property)> SetupAsync(ExerciseEntity entity)
    {
        var setup = await campaigns.FindAsync(entity.PartitionKey, entity.RowKey)
            ?? throw new ClassException(DomainError.NotFound, $"campaign '{entity.RowKey}' has no stored library");
        var key = JsonSerializer.Deserialize<AnswerKey>(entity.KeyJson, Json)!;
        return (setup, key.Property ?? PropertyProfile.Unnamed);
    }

    private static List<IReadOnlyList<string>> Rounds(IEnumerable<SubmissionEntity> attempts) =>
        [.. attempts.Select(s => (IReadOnlyList<string>)s.Answer())];
}
