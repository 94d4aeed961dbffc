using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MedEdu.Pipeline.Http;

/// <summary>Checks the instructor key on instructor routes: 401 when missing, 403 when wrong.</summary>
public sealed class InstructorGuard(IOptions<PipelineOptions> options)
{
    /// <summary>Header carrying the key (as Azure function keys are sent).</summary>
    public const string Header = "x-functions-key";

    /// <summary>The problem to answer, or null when the request may proceed.</summary>
    public ApiResult? Check(HttpRequest request)
    {
        string? expected = options.Value.InstructorKey;
        if (string.IsNullOrEmpty(expected))
        {
            return null; // Azure: the function-level key already guarded this route.
        }

        string? given = request.Headers[Header].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        if (string.IsNullOrEmpty(given))
        {
            return ApiResult.Problem(StatusCodes.Status401Unauthorized, "Instructor key required", $"send the instructor key in the '{Header}' header");
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected))
            ? null
            : ApiResult.Problem(StatusCodes.Status403Forbidden, "Wrong instructor key", "the instructor key is not valid for this instance");
    }
}
