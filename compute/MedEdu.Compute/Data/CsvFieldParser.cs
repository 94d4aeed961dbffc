using System.Text;

namespace MedEdu.Compute.Data;

/// <summary>
/// Splits one CSV record into decoded fields (RFC 4180 quoting, doubled quotes as escapes) and
/// reports malformed input as a reason instead of throwing.
/// </summary>
public static class CsvFieldParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses <paramref name="record"/> into fields.</summary>
    /// <param name="record">The record's bytes without its line terminator.</param>
    /// <param name="fields">The decoded fields, or an empty array when parsing fails.</param>
    /// <param name="error">Why the record is malformed, or null.</param>
    /// <returns>True when the record parsed.</returns>
    public static bool TryParse(ReadOnlySpan<byte> record, out string[] fields, out string? error)
    {
        var invalidAt = FindInvalidUtf8(record);
        if (invalidAt >= 0)
        {
            fields = [];
            error = $"invalid UTF-8 at byte {invalidAt} of the row";
            return false;
        }

        var result = new List<string>();
        var field = new List<byte>(64);
        int i = 0;
        while (true)
        {
            field.Clear();
            if (i < record.Length && record[i] == (byte)'"')
            {
                i++;
                bool closed = false;
                while (i < record.Length)
                {
                    if (record[i] == (byte)'"')
                    {
                        if (i + 1 < record.Length && record[i + 1] == (byte)'"')
                        {
                            field.Add((byte)'"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    field.Add(record[i++]);
                }

                if (!closed)
                {
                    fields = [];
                    error = "unterminated quoted field";
                    return false;
                }

                if (i < record.Length && record[i] != (byte)',')
                {
                    fields = [];
                    error = $"unexpected character after closing quote at byte {i} of the row";
                    return false;
                }
            }
            else
            {
                while (i < record.Length && record[i] != (byte)',')
                {
                    field.Add(record[i++]);
                }
            }

            result.Add(StrictUtf8.GetString(field.ToArray()));
            if (i >= record.Length)
            {
                break;
            }

            i++; // the comma
        }

        fields = [.. result];
        error = null;
        return true;
    }

    /// <summary>Returns the offset of the first byte that is not valid UTF-8, or -1.</summary>
    public static int FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return -1;
        }

        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out int read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? -1 : read;
    }
}
