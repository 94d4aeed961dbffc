namespace MedEdu.Api.Http;

/// <summary>
/// Limits on how fast one caller may use the routes that invite abuse, bound from
/// <c>MedEdu:Limits</c>; on by default in both hosts. Each is a token bucket refilled evenly over a
/// minute, so a burst up to the limit passes and then one request per refill.
/// </summary>
public sealed class AbuseLimitOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "MedEdu:Limits";

    /// <summary>False turns every limit off (benchmarks that play thousands of students from one address).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Wrong join codes one address may try a minute: guessing a code stops here.</summary>
    public int WrongJoinCodesPerMinute { get; set; } = 20;

    /// <summary>Joins (right or wrong) one address may make a minute: a classroom behind one NAT joins at once.</summary>
    public int JoinsPerMinute { get; set; } = 300;

    /// <summary>Submissions one address may send a minute.</summary>
    public int SubmissionsPerMinute { get; set; } = 1200;

    /// <summary>Submissions one class may receive a minute, from all its students together.</summary>
    public int SubmissionsPerMinutePerClass { get; set; } = 3000;

    /// <summary>
    /// A header whose last entry is the caller's address (<c>X-Forwarded-For</c> behind Azure's front
    /// ends, which append the address they saw); unset, the connection's own address is the caller's.
    /// </summary>
    public string? ClientAddressHeader { get; set; }
}
