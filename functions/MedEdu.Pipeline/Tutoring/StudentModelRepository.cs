using Azure.Data.Tables;
using MedEdu.Compute.Tutoring;
using MedEdu.Pipeline.Storage;

namespace MedEdu.Pipeline.Tutoring;

/// <summary>The student models of classes and the instructors' overrides (table <c>StudentModels</c>, partition: class id).</summary>
public sealed class StudentModelRepository(TableProvider tables)
{
    /// <summary>Table name.</summary>
    public const string Table = StorageLayout.StudentModels;

    /// <summary>The class's model as stored (the cold-start model when nothing is).</summary>
    public async Task<StudentModel> LoadAsync(string classId, SkillMap map)
    {
        var model = new StudentModel(map);
        foreach (var e in await RowsAsync<StudentModelEntity>(classId))
        {
            var estimate = new Estimate(e.Mean, e.Variance, e.Answers);
            if (e.RowKey.StartsWith(StudentModelEntity.AbilityPrefix, StringComparison.Ordinal))
            {
                var parts = e.RowKey.Split('|');
                model.Restore(parts[1], parts[2], estimate);
            }
            else if (e.RowKey.StartsWith(StudentModelEntity.DifficultyPrefix, StringComparison.Ordinal))
            {
                model.Restore(e.RowKey[StudentModelEntity.DifficultyPrefix.Length..], estimate);
            }
        }

        return model;
    }

    /// <summary>
    /// Stores the model: writes the estimates that differ from the stored ones (after one answer, the
    /// answering student's and the template's), not the whole class's.
    /// </summary>
    public async Task SaveAsync(string classId, StudentModel model)
    {
        var stored = (await RowsAsync<StudentModelEntity>(classId)).ToDictionary(e => e.RowKey, e => new Estimate(e.Mean, e.Variance, e.Answers));
        var rows = model.Abilities.Select(a => Row(classId, $"{StudentModelEntity.AbilityPrefix}{a.Student}|{a.SkillId}", a.Ability))
            .Concat(model.Difficulties.Select(d => Row(classId, StudentModelEntity.DifficultyPrefix + d.Key, d.Value)))
            .Where(r => stored.GetValueOrDefault(r.RowKey) != new Estimate(r.Mean, r.Variance, r.Answers));
        await TableBatchWriter.UpsertAllAsync(await tables.GetAsync(Table), rows);
    }

    /// <summary>The override standing for a student, if any.</summary>
    public async Task<PracticeOverrideEntity?> FindOverrideAsync(string classId, string studentId)
    {
        var r = await (await tables.GetAsync(Table)).GetEntityIfExistsAsync<PracticeOverrideEntity>(classId, PracticeOverrideEntity.Prefix + studentId);
        return r.HasValue ? r.Value : null;
    }

    /// <summary>Records (or replaces) a student's override.</summary>
    public async Task SetOverrideAsync(PracticeOverrideEntity entity) =>
        await (await tables.GetAsync(Table)).UpsertEntityAsync(entity, TableUpdateMode.Replace);

    /// <summary>Deletes everything of a class (its model and overrides); answers how many rows.</summary>
    public async Task<int> DeleteClassAsync(string classId)
    {
        var rows = await RowsAsync<TableEntity>(classId);
        await TableBatchWriter.DeleteAllAsync(await tables.GetAsync(Table), rows);
        return rows.Count;
    }

    /// <summary>How many rows a class has (model and overrides).</summary>
    public async Task<int> CountAsync(string classId) => (await RowsAsync<TableEntity>(classId)).Count;

    private static StudentModelEntity Row(string classId, string rowKey, Estimate e) =>
        new() { PartitionKey = classId, RowKey = rowKey, Mean = e.Mean, Variance = e.Variance, Answers = e.Answers };

    private Task<List<T>> RowsAsync<T>(string classId)
        where T : class, ITableEntity, new() => tables.PartitionAsync<T>(Table, classId);
}
