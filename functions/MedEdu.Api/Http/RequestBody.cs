using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MedEdu.Api.Http;

/// <summary>Reads JSON request bodies with a size bound and turns every failure into a problem response.</summary>
public static class RequestBody
{
    /// <summary>Largest JSON body accepted by default.</summary>
    public const int DefaultMaxBytes = 64 * 1024;

    /// <summary>Deserializes the body into <typeparamref name="T"/>, or returns the 400/413 problem to send.</summary>
    public static async Task<(T? Value, ApiResult? Problem)> ReadJsonAsync<T>(HttpRequest request, int maxBytes = DefaultMaxBytes)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, ApiResult.Problem(StatusCodes.Status400BadRequest, "Missing body", "the request needs a JSON body"));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.ToArray(), ApiResult.Json);
            return value is null
                ? (null, ApiResult.Problem(StatusCodes.Status400BadRequest, "Malformed JSON", "the body is JSON null; an object is expected"))
                : (value, null);
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is long line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            return (null, ApiResult.Problem(StatusCodes.Status400BadRequest, "Malformed JSON", $"the body is not valid JSON for this request{where}: {FirstSentence(e.Message)}"));
        }
    }

    private static ApiResult TooLarge(int maxBytes) =>
        ApiResult.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"the body is over the {maxBytes}-byte limit");

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
