using MedEdu.Api.Host;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace MedEdu.Functions;

/// <summary>
/// Worker middleware: an HTTP function that throws answers the same RFC 7807 problem as the local
/// host's exception handler (<see cref="HostApi.UnhandledError"/>), with the error in the log,
/// instead of the host's bare 500.
/// </summary>
internal sealed class ProblemOnUnhandledError(ILogger<ProblemOnUnhandledError> logger) : IFunctionsWorkerMiddleware
{
    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception error) when (context.GetHttpContext() is not null)
        {
            logger.LogError(error, "Unhandled error in {Function}", context.FunctionDefinition.Name);

            // The ASP.NET Core integration executes an IActionResult left as the invocation's result.
            context.GetInvocationResult().Value = HostApi.UnhandledError();
        }
    }
}
