using MedEdu.Pipeline;

namespace MedEdu.Api.Http;

/// <summary>The one table from the application's reasons for refusing (<see cref="DomainError"/>) to HTTP statuses and problem titles.</summary>
public static class DomainErrors
{
    /// <summary>The status and default title of each reason.</summary>
    public static (int Status, string Title) Of(DomainError error) => error switch
    {
        DomainError.Invalid => (StatusCodes.Status400BadRequest, "Invalid request"),
        DomainError.NotAllowed => (StatusCodes.Status403Forbidden, "Forbidden"),
        DomainError.NotFound => (StatusCodes.Status404NotFound, "Not found"),
        DomainError.Conflict => (StatusCodes.Status409Conflict, "Conflict"),
        DomainError.Expired => (StatusCodes.Status410Gone, "Expired"),
        DomainError.TooLarge => (StatusCodes.Status413PayloadTooLarge, "Too large"),
        DomainError.UnsupportedFormat => (StatusCodes.Status415UnsupportedMediaType, "Unsupported format"),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "a reason without a status"),
    };

    /// <summary>The RFC 7807 answer to a refusal: its status, its own title or its kind's, its reason as the detail.</summary>
    public static ApiResult Problem(DomainException refusal)
    {
        var (status, title) = Of(refusal.Error);
        return ApiResult.Problem(status, refusal.Title ?? title, refusal.Message);
    }
}
