using System.Text;
using System.Text.Json;
using MedEdu.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MedEdu.Pipeline.Tests;

/// <summary>Who an instructor route takes the caller for, with each way of signing in configured or not.</summary>
public sealed class InstructorGuardTests
{
    private static HttpRequest Request(string? key = null, object? principal = null)
    {
        var context = new DefaultHttpContext();
        if (key is not null)
        {
            context.Request.Headers[InstructorGuard.Header] = key;
        }

        if (principal is not null)
        {
            context.Request.Headers[InstructorGuard.PrincipalHeader] = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(principal)));
        }

        return context.Request;
    }

    private static object Principal(params string[] roles) => new
    {
        auth_typ = "aad",
        name_typ = "name",
        role_typ = "roles",
        claims = new[] { new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = "0f1e-oid" }, new { typ = "name", val = "Dr Rivera" } }
            .Concat(roles.Select(r => new { typ = "roles", val = r })).ToArray(),
    };

    private static InstructorGuard Guard(PipelineOptions options) => new(Options.Create(options));

    [Fact]
    public void With_nothing_configured_nobody_is_an_instructor()
    {
        // The routes are anonymous at the platform level: no silent administrator.
        var (who, problem) = Guard(new PipelineOptions()).Authenticate(Request("anything"));
        Assert.Null(who);
        Assert.Equal(StatusCodes.Status401Unauthorized, problem!.StatusCode);
    }

    [Fact]
    public void An_entra_instructor_with_the_role_is_known_by_object_id_and_one_without_it_is_refused()
    {
        var guard = Guard(new PipelineOptions { AppServiceAuthentication = true });
        var (who, problem) = guard.Authenticate(Request(principal: Principal("Instructor")));
        Assert.Null(problem);
        Assert.Equal(("0f1e-oid", "Dr Rivera", false), (who!.Id, who.Name, who.IsAdministrator));
        Assert.Equal(StatusCodes.Status403Forbidden, guard.Authenticate(Request(principal: Principal("Student"))).Problem!.StatusCode);
        Assert.Equal(StatusCodes.Status401Unauthorized, guard.Authenticate(Request()).Problem!.StatusCode);
    }

    [Fact]
    public void Accounts_and_the_break_glass_key_identify_their_holders()
    {
        var guard = Guard(new PipelineOptions { InstructorKey = "glass", Instructors = [new InstructorAccount { Id = "ana", Name = "Ana", Key = "k-ana" }] });
        Assert.Equal("ana", guard.Authenticate(Request("k-ana")).Instructor!.Id);
        Assert.True(guard.Authenticate(Request("glass")).Instructor!.IsAdministrator);
        Assert.Equal(StatusCodes.Status403Forbidden, guard.Authenticate(Request("k-ben")).Problem!.StatusCode);

        // A principal header is ignored here: App Service Authentication is not configured.
        Assert.Equal(StatusCodes.Status401Unauthorized, guard.Authenticate(Request(principal: Principal("Instructor"))).Problem!.StatusCode);
    }
}
