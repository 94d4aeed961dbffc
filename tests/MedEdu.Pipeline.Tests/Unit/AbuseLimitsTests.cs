using MedEdu.Api.Http;
using MedEdu.Pipeline.Classes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MedEdu.Pipeline.Tests.Unit;

/// <summary>The join and submission limits and the join code's format, without a host.</summary>
public sealed class AbuseLimitsTests
{
    [Fact]
    public void The_callers_address_is_the_last_entry_of_the_configured_header_else_the_connections()
    {
        var request = new DefaultHttpContext().Request;
        request.HttpContext.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("10.0.0.9");
        request.Headers["X-Forwarded-For"] = "203.0.113.7, 198.51.100.2";
        using var plain = new AbuseLimits(Options.Create(new AbuseLimitOptions()));
        Assert.Equal("10.0.0.9", plain.ClientAddress(request));
        using var behindProxy = new AbuseLimits(Options.Create(new AbuseLimitOptions { ClientAddressHeader = "X-Forwarded-For" }));
        Assert.Equal("198.51.100.2", behindProxy.ClientAddress(request));
    }

    [Fact]
    public void A_class_takes_its_limit_of_submissions_from_every_address_together_and_says_so()
    {
        using var limits = new AbuseLimits(Options.Create(new AbuseLimitOptions { SubmissionsPerMinutePerClass = 3 }));
        Assert.Null(limits.RefuseSubmission("a", "c1"));
        Assert.Null(limits.RefuseSubmission("b", "c1"));
        Assert.Null(limits.RefuseSubmission("c", "c1"));
        var refused = limits.RefuseSubmission("d", "c1");
        Assert.NotNull(refused);
        Assert.Equal(429, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains("more than 3 submissions a minute to class 'c1'", ((Problem)refused.Body!).Detail);
        Assert.Null(limits.RefuseSubmission("d", "c2"));
    }

    [Fact]
    public void Only_wrong_codes_spend_the_wrong_code_budget_and_turning_limits_off_lets_everything_through()
    {
        using var limits = new AbuseLimits(Options.Create(new AbuseLimitOptions { WrongJoinCodesPerMinute = 2 }));
        for (int i = 0; i < 10; i++)
        {
            Assert.Null(limits.RefuseJoin("a")); // right codes: nothing spent
        }

        limits.WrongJoinCode("a");
        limits.WrongJoinCode("a");
        Assert.Contains("wrong join codes", ((Problem)limits.RefuseJoin("a")!.Body!).Detail);
        Assert.Null(limits.RefuseJoin("b"));

        using var off = new AbuseLimits(Options.Create(new AbuseLimitOptions { Enabled = false, WrongJoinCodesPerMinute = 1 }));
        off.WrongJoinCode("a");
        off.WrongJoinCode("a");
        Assert.Null(off.RefuseJoin("a"));
    }

    [Fact]
    public void Join_codes_are_ten_crockford_characters_and_read_the_way_students_type_them()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => JoinCode.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{10}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal("01ABC1DE0Z", JoinCode.Normalize(" oiabc-lde0z "));
        Assert.Equal("AB1OX2IL", JoinCode.Normalize("ab1ox2il")); // an older 8-character code, kept as typed
    }
}
