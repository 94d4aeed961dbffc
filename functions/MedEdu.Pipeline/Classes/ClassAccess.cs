namespace MedEdu.Pipeline.Classes;

/// <summary>
/// Who may see and change a class: its owner (the instructor who created it) and the co-instructors
/// the owner added may read its results; only the owner (or an administrator) may add
/// co-instructors or delete it. Datasets stay shared.
/// </summary>
public static class ClassAccess
{
    /// <summary>The co-instructors' ids stored on the class.</summary>
    public static IReadOnlyList<string> CoInstructors(ClassEntity c) =>
        c.CoInstructors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True for the owner and administrators (a class made before owners were kept has administrators only).</summary>
    public static bool IsOwner(ClassEntity c, InstructorIdentity who) =>
        who.IsAdministrator || (c.OwnerId.Length > 0 && c.OwnerId == who.Id);

    /// <summary>True for the owner, a co-instructor or an administrator: may read results and insights.</summary>
    public static bool CanTeach(ClassEntity c, InstructorIdentity who) =>
        IsOwner(c, who) || CoInstructors(c).Contains(who.Id);

    /// <summary>
    /// <paramref name="c"/> when <paramref name="who"/> may act on it (with <paramref name="ownerOnly"/>,
    /// as owner or administrator; else also as co-instructor).
    /// </summary>
    /// <exception cref="ClassException">NotFound for a missing class, NotAllowed for someone else's.</exception>
    public static ClassEntity Require(ClassEntity? c, string classId, InstructorIdentity who, bool ownerOnly)
    {
        if (c is null)
        {
            throw new ClassException(DomainError.NotFound, $"no class '{classId}'");
        }

        bool allowed = ownerOnly ? IsOwner(c, who) : CanTeach(c, who);
        return allowed ? c : throw new ClassException(DomainError.NotAllowed, ownerOnly
            ? $"only the class's owner ({(c.OwnerName.Length > 0 ? c.OwnerName : "an administrator")}) can do this for class '{classId}'"
            : $"class '{classId}' belongs to another instructor; its owner can add you as a co-instructor");
    }
}
