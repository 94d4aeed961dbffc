using MedEdu.Api.Host;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MedEdu.Functions;

/// <summary>The host's own routes (<see cref="HostApi"/>), as the local host answers them.</summary>
public sealed class HostHttpFunctions
{
    /// <summary><c>GET /api/health</c>.</summary>
    [Function("GetHealth")]
    public IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HostApi.Health)] HttpRequest r) => HostApi.Healthy();

    /// <summary>
    /// Any other path under <c>/api</c>: a 404 problem. The Functions host tries HTTP functions in the
    /// order of their names, not by route precedence (Azure/azure-functions-host#9876), so this
    /// catch-all's name sorts after every other function's; a test holds it there.
    /// </summary>
    [Function("ZzNoSuchRoute")]
    public IActionResult NoSuchRoute(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "head", "options", Route = HostApi.NoSuchRoute)] HttpRequest r) =>
        HostApi.NotFound(r);
}
