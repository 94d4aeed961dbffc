using System.Globalization;
using MedEdu.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace MedEdu.Api.Localization;

/// <summary>
/// The API's words a student reads, in the student's language: the resources beside this class
/// (StudentMessages.resx in English, .es and .ar), read through <see cref="IStringLocalizer"/> in the
/// culture of the request's <c>Accept-Language</c> (the page sends the language its reader chose).
/// </summary>
public sealed class StudentMessages(IStringLocalizer<StudentMessages> text)
{
    /// <summary>The cultures offered (the class languages); the first is the default.</summary>
    public static IReadOnlyList<CultureInfo> Cultures { get; } = [.. Pipeline.Classes.ClassLanguages.Offered.Select(CultureInfo.GetCultureInfo)];

    /// <summary>
    /// The offered culture the request prefers (Accept-Language, by quality), English when it names none.
    /// </summary>
    public static CultureInfo CultureOf(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(code => Cultures.Any(c => c.Name == code));
        return Cultures.FirstOrDefault(c => c.Name == preferred) ?? Cultures[0];
    }

    /// <summary>Runs a student route's <paramref name="action"/> in the request's culture; the application's refusals become problems in that language.</summary>
    public async Task<ApiResult> InCultureOfAsync(HttpRequest request, Func<Task<ApiResult>> action)
    {
        var culture = CultureOf(request);
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return await action();
        }
        catch (DomainException e)
        {
            return Problem(e);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    /// <summary>A refusal as a problem: its localized detail where it has a key (else its English message), and the localized title of its kind.</summary>
    public ApiResult Problem(DomainException refusal)
    {
        var (status, title) = Http.DomainErrors.Of(refusal.Error);
        string detail = refusal.Key is { } key && text[key] is { ResourceNotFound: false } found
            ? string.Format(CultureInfo.CurrentUICulture, found.Value, [.. refusal.Arguments])
            : refusal.Message;
        return ApiResult.Problem(status, refusal.Title ?? Text($"Title{refusal.Error}", title), detail);
    }

    /// <summary>A problem of the API's own (not the application's): the localized title and detail of its keys.</summary>
    public ApiResult Problem(int status, string titleKey, string detailKey, params string[] arguments) =>
        ApiResult.Problem(status, Text(titleKey, titleKey), string.Format(CultureInfo.CurrentUICulture, Text(detailKey, detailKey), [.. arguments]));

    private string Text(string key, string fallback) => text[key] is { ResourceNotFound: false } found ? found.Value : fallback;
}
