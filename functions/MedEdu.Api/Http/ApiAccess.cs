namespace MedEdu.Api.Http;

/// <summary>Who may call a route: endpoint metadata that becomes the operation's security in the OpenAPI document.</summary>
public enum ApiAccess
{
    /// <summary>Anyone, without credentials.</summary>
    Anyone,

    /// <summary>An instructor: the instance's key in <c>x-functions-key</c>, an instructor account's key, or an Entra sign-in with the instructor app role.</summary>
    Instructor,

    /// <summary>A student of the class: the bearer token answered by <c>POST /api/classes/join</c>.</summary>
    Student,
}
