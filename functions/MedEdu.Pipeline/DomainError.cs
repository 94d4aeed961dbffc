namespace MedEdu.Pipeline;

/// <summary>Why the application refused a request, in its own terms; the API maps each to an HTTP status in one table (MedEdu.Api's DomainErrors).</summary>
public enum DomainError
{
    /// <summary>The request is malformed or breaks a rule (a bad field, a refused pick).</summary>
    Invalid,

    /// <summary>The caller is known but may not do this (someone else's class).</summary>
    NotAllowed,

    /// <summary>What the request names does not exist.</summary>
    NotFound,

    /// <summary>The request clashes with the stored state (an id taken, a campaign over).</summary>
    Conflict,

    /// <summary>What the request names existed but has expired.</summary>
    Expired,

    /// <summary>What was sent is larger than allowed.</summary>
    TooLarge,

    /// <summary>What was sent is of a kind the application does not read.</summary>
    UnsupportedFormat,
}

/// <summary>A request the application refuses, with the reason in words a user can act on.</summary>
public class DomainException(DomainError error, string message, string? title = null) : Exception(message)
{
    /// <summary>Why.</summary>
    public DomainError Error { get; } = error;

    /// <summary>A short title for the problem, when the reason has a better one than its kind's.</summary>
    public string? Title { get; } = title;

    /// <summary>
    /// For a reason a student reads: its key in the API's localized messages (the English text is
    /// <see cref="Exception.Message"/>), filled with <see cref="Arguments"/>; null for reasons only instructors read.
    /// </summary>
    public string? Key { get; init; }

    /// <summary>The values the localized message is filled with, in order ({0}, {1}, ...).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
}
