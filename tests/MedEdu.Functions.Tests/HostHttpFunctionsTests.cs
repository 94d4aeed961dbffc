using MedEdu.Api.Http;
using Microsoft.AspNetCore.Http;

namespace MedEdu.Functions.Tests;

/// <summary>The Functions app's own host routes answer what the local host answers (HostApi), without the Functions host.</summary>
public sealed class HostHttpFunctionsTests
{
    [Fact]
    public void HealthIsOkAndAnUnknownPathIsANotFoundProblemNamingIt()
    {
        var functions = new HostHttpFunctions();
        var health = Assert.IsType<ApiResult>(functions.Health(new DefaultHttpContext().Request));
        Assert.Equal(StatusCodes.Status200OK, health.StatusCode);

        var request = new DefaultHttpContext().Request;
        request.Method = "PUT";
        request.Path = "/api/nothing/here";
        var missing = Assert.IsType<ApiResult>(functions.NoSuchRoute(request));
        Assert.Equal(StatusCodes.Status404NotFound, missing.StatusCode);
        Assert.Contains("no route PUT /api/nothing/here", System.Text.Json.JsonSerializer.Serialize(missing.Body, ApiResult.Json));
    }
}
