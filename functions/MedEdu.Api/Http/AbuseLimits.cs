using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MedEdu.Api.Http;

/// <summary>
/// The rate limits of the join and submission routes (System.Threading.RateLimiting, the limiters
/// ASP.NET Core's rate-limiting middleware uses), kept here rather than in middleware because the
/// Functions app's requests reach the handlers without an ASP.NET Core pipeline of MedEdu's own:
/// both hosts apply the same limits in the same handlers. Partitions are per client address and
/// per class; idle ones are dropped by the partitioned limiter.
/// </summary>
public sealed class AbuseLimits : IDisposable
{
    private readonly AbuseLimitOptions _options;
    private readonly PartitionedRateLimiter<string> _wrongCodes;
    private readonly PartitionedRateLimiter<string> _joins;
    private readonly PartitionedRateLimiter<string> _submissions;
    private readonly PartitionedRateLimiter<string> _classSubmissions;

    /// <summary>Creates the limiters from <c>MedEdu:Limits</c>.</summary>
    public AbuseLimits(IOptions<AbuseLimitOptions> options)
    {
        _options = options.Value;
        _wrongCodes = PerMinute(_options.WrongJoinCodesPerMinute);
        _joins = PerMinute(_options.JoinsPerMinute);
        _submissions = PerMinute(_options.SubmissionsPerMinute);
        _classSubmissions = PerMinute(_options.SubmissionsPerMinutePerClass);
    }

    /// <summary>The caller's address: the last entry of the configured header, else the connection's.</summary>
    public string ClientAddress(HttpRequest request)
    {
        if (_options.ClientAddressHeader is { Length: > 0 } header && request.Headers[header].ToString() is { Length: > 0 } value)
        {
            return value.Split(',')[^1].Trim();
        }

        return request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// <summary>A 429 when <paramref name="address"/> may not try to join now (too many joins, or too many wrong codes); null to go on.</summary>
    public ApiResult? RefuseJoin(string address)
    {
        if (!_options.Enabled)
        {
            return null;
        }

        // Look without taking: a wrong code takes its permit only once it is known to be wrong (a
        // token bucket grants a request for 0 permits even when empty, so the statistics tell).
        if (_wrongCodes.GetStatistics(address) is { CurrentAvailablePermits: <= 0 })
        {
            return TooMany(RefillTime(_options.WrongJoinCodesPerMinute), $"more than {_options.WrongJoinCodesPerMinute} wrong join codes a minute from one address");
        }

        using var join = _joins.AttemptAcquire(address);
        return join.IsAcquired ? null : TooMany(join, $"more than {_options.JoinsPerMinute} joins a minute from one address");
    }

    /// <summary>Counts a wrong join code against <paramref name="address"/>.</summary>
    public void WrongJoinCode(string address)
    {
        if (_options.Enabled)
        {
            _wrongCodes.AttemptAcquire(address).Dispose();
        }
    }

    /// <summary>A 429 when <paramref name="address"/> or class <paramref name="classId"/> may not submit now; null to go on.</summary>
    public ApiResult? RefuseSubmission(string address, string classId)
    {
        if (!_options.Enabled)
        {
            return null;
        }

        using var mine = _submissions.AttemptAcquire(address);
        if (!mine.IsAcquired)
        {
            return TooMany(mine, $"more than {_options.SubmissionsPerMinute} submissions a minute from one address");
        }

        using var theirs = _classSubmissions.AttemptAcquire("class:" + classId);
        return theirs.IsAcquired ? null : TooMany(theirs, $"more than {_options.SubmissionsPerMinutePerClass} submissions a minute to class '{classId}'");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _wrongCodes.Dispose();
        _joins.Dispose();
        _submissions.Dispose();
        _classSubmissions.Dispose();
    }

    /// <summary>
    /// A bucket of <paramref name="perMinute"/> tokens refilled evenly: periods of at least a second
    /// (the partitioned limiter replenishes on a 100 ms timer), each adding its share of the minute.
    /// </summary>
    private static PartitionedRateLimiter<string> PerMinute(int perMinute)
    {
        int limit = Math.Max(1, perMinute);
        int perPeriod = Math.Max(1, limit / 60);
        var period = RefillTime(perMinute);
        return PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>How long one refill of a <see cref="PerMinute"/> bucket takes.</summary>
    private static TimeSpan RefillTime(int perMinute)
    {
        int limit = Math.Max(1, perMinute);
        return TimeSpan.FromMinutes(1) * Math.Max(1, limit / 60) / limit;
    }

    private static ApiResult TooMany(RateLimitLease lease, string what) =>
        TooMany(lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan after) ? after : TimeSpan.FromMinutes(1), what);

    private static ApiResult TooMany(TimeSpan after, string what)
    {
        int seconds = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds));
        var result = ApiResult.Problem(StatusCodes.Status429TooManyRequests, "Too many requests", $"{what}; try again in {seconds} s");
        result.Headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
        return result;
    }
}
