namespace MedEdu.Pipeline.Classes;

/// <summary>
/// Who is calling an instructor route: an instructor signed in with Entra ID (App Service
/// Authentication), a configured instructor account (local and self-hosted instances), or an
/// administrator holding the break-glass instance key.
/// </summary>
/// <param name="Id">Stable id: the Entra object id, or the account id.</param>
/// <param name="Name">Display name for audits and the page.</param>
/// <param name="IsAdministrator">True for the instance key: every class may be managed.</param>
public sealed record InstructorIdentity(string Id, string Name, bool IsAdministrator)
{
    /// <summary>The holder of the instance key.</summary>
    public static InstructorIdentity Administrator { get; } = new("administrator", "administrator", true);
}
