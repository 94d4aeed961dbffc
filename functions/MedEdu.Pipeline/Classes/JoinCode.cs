using System.Security.Cryptography;

namespace MedEdu.Pipeline.Classes;

/// <summary>
/// A class's join code: 10 characters of Crockford's base32 (digits and letters without I, L, O, U),
/// 50 random bits, about 1.1 × 10^15 codes. At the join route's limit of 20 wrong codes a minute per
/// address, one address guessing against 1,000 live classes finds one with probability about 10^-5
/// in a year. Students may type it in either case, with spaces or hyphens, and I, L for 1 and O for 0.
/// </summary>
public static class JoinCode
{
    /// <summary>Characters in a code.</summary>
    public const int Length = 10;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new random code.</summary>
    public static string New() => string.Create(Length, 0, (chars, _) =>
    {
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
    });

    /// <summary>
    /// The code as stored, from what a student typed: upper case, separators dropped and, for a
    /// code of this format, Crockford's look-alikes read as digits. Older 8-character codes are
    /// kept as typed (upper case), since they may contain I, L or O.
    /// </summary>
    public static string Normalize(string? typed)
    {
        string code = new([.. (typed ?? "").Trim().ToUpperInvariant().Where(c => c is not ('-' or ' '))]);
        return code.Length == Length ? code.Replace('I', '1').Replace('L', '1').Replace('O', '0') : code;
    }
}
