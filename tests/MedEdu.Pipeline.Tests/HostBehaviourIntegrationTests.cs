using System.Net;
using System.Text.Json;
using MedEdu.Pipeline.Tests.Infrastructure;

namespace MedEdu.Pipeline.Tests;

/// <summary>What the local host answers outside the features (MedEdu.Api's HostApi, the same answers the Functions app's triggers give).</summary>
[Trait("Category", "Integration")]
public sealed class HostBehaviourIntegrationTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task HealthAnswersOk()
    {
        var body = JsonDocument.Parse(await fixture.Host.Client.GetStringAsync("api/health")).RootElement;
        Assert.Equal("ok", body.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("GET", "api/no/such/route")]
    [InlineData("POST", "api/datasets/esol/nothing-here")]
    [InlineData("DELETE", "api/uploads")]
    public async Task APathNoRouteMatchesIsAProblemThatNamesIt(string method, string path)
    {
        using var response = await fixture.Host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal($"no route {method} /{path}", problem.GetProperty("detail").GetString());
    }
}
