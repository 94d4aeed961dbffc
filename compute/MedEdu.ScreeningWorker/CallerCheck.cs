using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace MedEdu.ScreeningWorker;

/// <summary>
/// Who may search: a caller with the configured key (<c>x-worker-key</c>, locally), or one with an
/// Entra ID token issued for the worker's app registration, from an allowed identity (Azure).
/// Anything else is answered 401 before the body is read.
/// </summary>
public sealed class CallerCheck(WorkerOptions options)
{
    /// <summary>The header carrying the shared key.</summary>
    public const string KeyHeader = "x-worker-key";

    /// <summary>Why the caller is refused, or null when it may search.</summary>
    public async Task<string?> RefusalAsync(HttpContext context)
    {
        if (!string.IsNullOrEmpty(options.ApiKey) && context.Request.Headers[KeyHeader].ToString() is { Length: > 0 } key)
        {
            return FixedTimeEquals(key, options.ApiKey) ? null : $"the {KeyHeader} header does not match the worker's key";
        }

        if (!string.IsNullOrEmpty(options.Entra.ClientId))
        {
            var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            if (!result.Succeeded)
            {
                return result.Failure is { } failure ? $"the bearer token was refused: {failure.Message}" : "send an Entra ID bearer token for the worker's app registration";
            }

            string? caller = result.Principal.FindFirst("oid")?.Value ?? result.Principal.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value;
            return options.Entra.AllowedCallers.Count == 0 || (caller is not null && options.Entra.AllowedCallers.Contains(caller, StringComparer.OrdinalIgnoreCase))
                ? null
                : "the token's identity is not an allowed caller (Worker:Entra:AllowedCallers)";
        }

        return $"send the worker's key in the {KeyHeader} header";
    }

    /// <summary>Registers JWT bearer validation when an Entra app registration is configured.</summary>
    public static void AddTo(IServiceCollection services, WorkerOptions options)
    {
        var authentication = services.AddAuthentication();
        if (!string.IsNullOrEmpty(options.Entra.ClientId))
        {
            authentication.AddJwtBearer(jwt =>
            {
                jwt.Authority = $"{options.Entra.Instance.TrimEnd('/')}/{options.Entra.TenantId}/v2.0";
                jwt.TokenValidationParameters.ValidAudiences = [options.Entra.ClientId, $"api://{options.Entra.ClientId}"];
                // An app registration issues v1 tokens unless its manifest asks for v2: accept both issuers of the tenant.
                jwt.TokenValidationParameters.ValidIssuers = [$"https://login.microsoftonline.com/{options.Entra.TenantId}/v2.0", $"https://sts.windows.net/{options.Entra.TenantId}/"];
                jwt.MapInboundClaims = false;
            });
        }
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
