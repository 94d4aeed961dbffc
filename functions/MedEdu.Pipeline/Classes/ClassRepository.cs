using Azure;
using Azure.Data.Tables;
using MedEdu.Pipeline.Storage;

namespace MedEdu.Pipeline.Classes;

/// <summary>Tables of classes, their exercises, students and submissions.</summary>
public sealed class ClassRepository(TableProvider tables)
{
    public const string ClassesTable = StorageLayout.Classes;
    public const string ExercisesTable = StorageLayout.Exercises;
    public const string StudentsTable = StorageLayout.Students;
    public const string SubmissionsTable = StorageLayout.Submissions;

    public async Task<ClassEntity?> FindClassAsync(string classId)
    {
        var r = await (await tables.GetAsync(ClassesTable)).GetEntityIfExistsAsync<ClassEntity>(ClassEntity.Partition, classId);
        return r.HasValue ? r.Value : null;
    }

    public async Task<ClassEntity?> FindByCodeAsync(string code)
    {
        var table = await tables.GetAsync(ClassesTable);
        await foreach (var c in table.QueryAsync<ClassEntity>(e => e.PartitionKey == ClassEntity.Partition && e.Code == code))
        {
            return c;
        }

        return null;
    }

    public async Task AddClassAsync(ClassEntity entity, IEnumerable<ExerciseEntity> exercises)
    {
        await TableBatchWriter.UpsertAllAsync(await tables.GetAsync(ExercisesTable), exercises);
        await (await tables.GetAsync(ClassesTable)).AddEntityAsync(entity);
    }

    public async Task<List<ExerciseEntity>> ExercisesAsync(string classId) => await AllAsync<ExerciseEntity>(ExercisesTable, classId);

    public async Task<ExerciseEntity?> FindExerciseAsync(string classId, string exerciseId)
    {
        var r = await (await tables.GetAsync(ExercisesTable)).GetEntityIfExistsAsync<ExerciseEntity>(classId, exerciseId);
        return r.HasValue ? r.Value : null;
    }

    /// <summary>Saves a changed exercise in place (a draft's), only if nobody changed it since it was read; false when someone did.</summary>
    public async Task<bool> TryReplaceExerciseAsync(ExerciseEntity exercise) =>
        await RaceAsync(async () => await (await tables.GetAsync(ExercisesTable)).UpdateEntityAsync(exercise, exercise.ETag, TableUpdateMode.Replace));

    /// <summary>Retires <paramref name="old"/> and adds its next revision in one transaction; false when another change came first.</summary>
    public async Task<bool> TryReviseExerciseAsync(ExerciseEntity old, ExerciseEntity next) =>
        await RaceAsync(async () => await (await tables.GetAsync(ExercisesTable)).SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.UpdateReplace, old, old.ETag), new TableTransactionAction(TableTransactionActionType.Add, next)]));

    /// <summary>Deletes a draft's exercise, only if nobody changed it since it was read; false when someone did.</summary>
    public async Task<bool> TryDeleteExerciseAsync(ExerciseEntity exercise) =>
        await RaceAsync(async () => await (await tables.GetAsync(ExercisesTable)).DeleteEntityAsync(exercise.PartitionKey, exercise.RowKey, exercise.ETag));

    /// <summary>Runs a conditional write; false when its condition failed (another writer came first).</summary>
    private static async Task<bool> RaceAsync(Func<Task> write)
    {
        try
        {
            await write();
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task AddStudentAsync(StudentEntity student) => await (await tables.GetAsync(StudentsTable)).AddEntityAsync(student);

    public async Task<List<StudentEntity>> StudentsAsync(string classId) => await AllAsync<StudentEntity>(StudentsTable, classId);

    public async Task<StudentEntity?> FindStudentAsync(string classId, string studentId)
    {
        var r = await (await tables.GetAsync(StudentsTable)).GetEntityIfExistsAsync<StudentEntity>(classId, studentId);
        return r.HasValue ? r.Value : null;
    }

    public async Task<List<SubmissionEntity>> SubmissionsAsync(string classId) => await AllAsync<SubmissionEntity>(SubmissionsTable, classId);

    /// <summary>Adds a submission; false when that attempt number is taken (a concurrent submit), so the caller retries.</summary>
    public async Task<bool> TryAddSubmissionAsync(SubmissionEntity submission)
    {
        try
        {
            await (await tables.GetAsync(SubmissionsTable)).AddEntityAsync(submission);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Adds the next attempt of a student at an exercise: <paramref name="make"/> builds it from the
    /// attempts already stored (oldest first); a concurrent submit taking the same attempt number
    /// makes it read them again, up to five times.
    /// </summary>
    /// <returns>The stored attempt and the ones before it, or null when every try lost the race.</returns>
    public async Task<(SubmissionEntity Added, List<SubmissionEntity> Previous)?> AddNextAttemptAsync(string classId, string studentId, string exerciseId, Func<List<SubmissionEntity>, SubmissionEntity> make)
    {
        for (int retry = 0; retry < 5; retry++)
        {
            var previous = (await SubmissionsAsync(classId)).Where(s => s.StudentId == studentId && s.ExerciseId == exerciseId).OrderBy(s => s.Attempt).ToList();
            var submission = make(previous);
            if (await TryAddSubmissionAsync(submission))
            {
                return (submission, previous);
            }
        }

        return null;
    }

    /// <summary>The classes an instructor owns or co-teaches, or every class for an administrator.</summary>
    public async Task<List<ClassEntity>> ClassesOfAsync(InstructorIdentity who)
    {
        var table = await tables.GetAsync(ClassesTable);
        var result = new List<ClassEntity>();
        await foreach (var c in table.QueryAsync<ClassEntity>(e => e.PartitionKey == ClassEntity.Partition))
        {
            if (ClassAccess.CanTeach(c, who))
            {
                result.Add(c);
            }
        }

        return result;
    }

    /// <summary>Every class (the retention timer reads their end dates).</summary>
    public async Task<List<ClassEntity>> AllClassesAsync() => await AllAsync<ClassEntity>(ClassesTable, ClassEntity.Partition);

    /// <summary>Saves a changed class row (co-instructors), only if nobody changed it since it was read.</summary>
    public async Task UpdateClassAsync(ClassEntity entity) =>
        await (await tables.GetAsync(ClassesTable)).UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace);

    /// <summary>
    /// Erases a class: its submissions, its students (with their token hashes) and its exercises,
    /// then the class row last, so an interrupted erasure is finished by running it again.
    /// </summary>
    /// <returns>How many submissions, students and exercises were deleted.</returns>
    public async Task<(int Submissions, int Students, int Exercises)> DeleteClassAsync(string classId)
    {
        int submissions = await DeletePartitionAsync<SubmissionEntity>(SubmissionsTable, classId);
        int students = await DeletePartitionAsync<StudentEntity>(StudentsTable, classId);
        int exercises = await DeletePartitionAsync<ExerciseEntity>(ExercisesTable, classId);
        await (await tables.GetAsync(ClassesTable)).DeleteEntityAsync(ClassEntity.Partition, classId, ETag.All);
        return (submissions, students, exercises);
    }

    private async Task<int> DeletePartitionAsync<T>(string tableName, string partition)
        where T : class, ITableEntity, new()
    {
        var rows = await AllAsync<T>(tableName, partition);
        await TableBatchWriter.DeleteAllAsync(await tables.GetAsync(tableName), rows);
        return rows.Count;
    }

    private Task<List<T>> AllAsync<T>(string tableName, string partition)
        where T : class, ITableEntity, new() => tables.PartitionAsync<T>(tableName, partition);
}
