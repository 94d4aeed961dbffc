using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MedEdu.Pipeline;
using MedEdu.Pipeline.Classes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MedEdu.Api.Http;

/// <summary>
/// Identifies the caller of an instructor route: 401 when no credential is sent, 403 when it is
/// wrong or lacks the instructor role. In order: the App Service Authentication principal (only when
/// <see cref="PipelineOptions.AppServiceAuthentication"/> says the platform sets it, since anyone can
/// send the header to an app without it), a configured instructor account's key, and the instance
/// key (an administrator, break-glass). With none of those configured, nobody is an instructor: the
/// routes are anonymous at the platform level, so the app must never assume a key was checked.
/// </summary>
public sealed class InstructorGuard(IOptions<PipelineOptions> options)
{
    /// <summary>Header carrying a key (as Azure function keys are sent).</summary>
    public const string Header = "x-functions-key";

    /// <summary>The header App Service Authentication puts the signed-in principal in (base64 JSON).</summary>
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The problem to answer, or null when the request may proceed.</summary>
    public ApiResult? Check(HttpRequest request) => Authenticate(request).Problem;

    /// <summary>Runs an instructor route's <paramref name="action"/> for the authenticated caller; the application's refusals become problems.</summary>
    public async Task<ApiResult> RunAsync(HttpRequest request, Func<InstructorIdentity, Task<ApiResult>> action)
    {
        var (who, problem) = Authenticate(request);
        return problem ?? await Refusals(() => action(who!));
    }

    /// <summary>Runs <paramref name="action"/>, answering a refusal of the application (<see cref="DomainException"/>) with its problem.</summary>
    public static async Task<ApiResult> Refusals(Func<Task<ApiResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ClassException e)
        {
            return DomainErrors.Problem(e);
        }
    }

    /// <summary>The caller, or the problem to answer.</summary>
    public (InstructorIdentity? Instructor, ApiResult? Problem) Authenticate(HttpRequest request)
    {
        var o = options.Value;
        if (o.AppServiceAuthentication && request.Headers[PrincipalHeader].FirstOrDefault() is { Length: > 0 } principal)
        {
            return FromPrincipal(principal, o.InstructorRole);
        }

        string? given = request.Headers[Header].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        bool anyKey = !string.IsNullOrEmpty(o.InstructorKey) || o.Instructors.Count > 0;
        if (!anyKey && !o.AppServiceAuthentication)
        {
            return (null, ApiResult.Problem(StatusCodes.Status401Unauthorized, "Instructor sign-in is not configured",
                "this instance has neither Entra ID sign-in (MedEdu:AppServiceAuthentication) nor an instructor key (MedEdu:InstructorKey, MedEdu:Instructors)"));
        }

        if (string.IsNullOrEmpty(given))
        {
            return (null, ApiResult.Problem(StatusCodes.Status401Unauthorized, "Instructor sign-in required",
                o.AppServiceAuthentication ? "sign in with your organisation's account" : $"send your instructor key in the '{Header}' header"));
        }

        foreach (var account in o.Instructors)
        {
            if (account.Key.Length > 0 && Same(given, account.Key))
            {
                return (new InstructorIdentity(account.Id, string.IsNullOrWhiteSpace(account.Name) ? account.Id : account.Name, false), null);
            }
        }

        return !string.IsNullOrEmpty(o.InstructorKey) && Same(given, o.InstructorKey)
            ? (InstructorIdentity.Administrator, null)
            : (null, ApiResult.Problem(StatusCodes.Status403Forbidden, "Wrong instructor key", "the instructor key is not valid for this instance"));
    }

    private static bool Same(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    /// <summary>The Entra ID principal App Service Authentication passed on: its object id, name and roles.</summary>
    private static (InstructorIdentity?, ApiResult?) FromPrincipal(string encoded, string role)
    {
        try
        {
            using var doc = JsonDocument.Parse(Convert.FromBase64String(encoded));
            var root = doc.RootElement;
            string roleType = root.TryGetProperty("role_typ", out var rt) && rt.GetString() is { Length: > 0 } r ? r : "roles";
            string nameType = root.TryGetProperty("name_typ", out var nt) && nt.GetString() is { Length: > 0 } n ? n : "name";
            var claims = root.GetProperty("claims").EnumerateArray()
                .Select(c => (Type: c.GetProperty("typ").GetString() ?? "", Value: c.GetProperty("val").GetString() ?? "")).ToList();
            string? id = claims.FirstOrDefault(c => c.Type is "http://schemas.microsoft.com/identity/claims/objectidentifier" or "oid").Value;
            if (string.IsNullOrEmpty(id))
            {
                return (null, ApiResult.Problem(StatusCodes.Status401Unauthorized, "Instructor sign-in required", "the signed-in principal has no object id"));
            }

            if (!claims.Any(c => (c.Type == roleType || c.Type == "roles") && c.Value == role))
            {
                return (null, ApiResult.Problem(StatusCodes.Status403Forbidden, "Not an instructor", $"your account does not have the '{role}' app role of this instance"));
            }

            string name = claims.FirstOrDefault(c => c.Type == nameType || c.Type == "name").Value is { Length: > 0 } display ? display : id;
            return (new InstructorIdentity(id, name, false), null);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, ApiResult.Problem(StatusCodes.Status401Unauthorized, "Instructor sign-in required", "the sign-in principal header cannot be read"));
        }
    }
}
