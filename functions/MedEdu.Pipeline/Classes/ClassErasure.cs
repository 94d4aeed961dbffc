using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedEdu.Pipeline.Classes;

/// <summary>
/// Deletes a class with everything its students left (their names, token hashes, submissions and the student model),
/// on its owner's request or when its retention runs out, and audits each deletion without any
/// student data. Results are computed on request, never cached, so no export outlives the class.
/// </summary>
public sealed class ClassErasure(ClassRepository classes, CampaignRepository campaigns, Tutoring.StudentModelRepository studentModels, AuditRepository audit, TimeProvider clock, IOptions<PipelineOptions> options, ILogger<ClassErasure> logger)
{
    /// <summary>Deletes the class (owner or administrator).</summary>
    /// <exception cref="ClassException">NotFound for an unknown class, NotAllowed for one not owned.</exception>
    public async Task<ClassDeleted> DeleteAsync(string classId, InstructorIdentity who)
    {
        ClassAccess.Require(await classes.FindClassAsync(classId), classId, who, ownerOnly: true);
        return await EraseAsync(classId, "class deleted", who.Id, who.Name);
    }

    /// <summary>
    /// Deletes every class whose end date lies more than <see cref="PipelineOptions.ClassRetentionDays"/>
    /// days back (none when retention is off, or for classes without an end date).
    /// </summary>
    public async Task<IReadOnlyList<ClassDeleted>> DeleteExpiredAsync()
    {
        int days = options.Value.ClassRetentionDays;
        if (days <= 0)
        {
            return [];
        }

        var cutoff = clock.GetUtcNow().AddDays(-days);
        var deleted = new List<ClassDeleted>();
        foreach (var c in (await classes.AllClassesAsync()).Where(c => c.EndsOn is { } end && end < cutoff))
        {
            deleted.Add(await EraseAsync(c.RowKey, "class deleted by retention", "retention", $"retention ({days} days after the end date)"));
        }

        return deleted;
    }

    private async Task<ClassDeleted> EraseAsync(string classId, string action, string actorId, string actorName)
    {
        await campaigns.DeleteClassAsync(classId);
        await studentModels.DeleteClassAsync(classId);
        var (submissions, students, exercises) = await classes.DeleteClassAsync(classId);
        string detail = $"{submissions} submissions, {students} students, {exercises} exercises";
        await audit.RecordAsync(action, classId, actorId, actorName, detail, clock.GetUtcNow());
        logger.LogInformation("{Action}: {ClassId} by {Actor} ({Detail})", action, classId, actorId, detail);
        return new ClassDeleted(classId, submissions, students, exercises);
    }
}
