using System.Globalization;
using System.Text;

namespace MedEdu.Compute.Chemistry.Fingerprints;

/// <summary>
/// chemfp's FPS text format: '#FPS1' and '#key=value' header lines, then one fingerprint per
/// line as hex (byte 0 first, each byte's low bit = fingerprint bit 0), a tab and the id.
/// </summary>
public static class FpsFormat
{
    /// <summary>Writes the header for fingerprints of <paramref name="bits"/> bits.</summary>
    public static void WriteHeader(TextWriter writer, int bits, string type)
    {
        writer.Write("#FPS1\n");
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"#num_bits={bits}\n"));
        writer.Write($"#type={type}\n");
        writer.Write("#software=MedEdu\n");
    }

    /// <summary>The type line for RDKit-compatible Morgan fingerprints.</summary>
    public static string MorganType(int radius, int bits) =>
        string.Create(CultureInfo.InvariantCulture, $"RDKit-Morgan/1 radius={radius} fpSize={bits} useFeatures=0 useChirality=0 useBondTypes=1");

    /// <summary>Writes one record.</summary>
    public static void WriteRecord(TextWriter writer, ReadOnlySpan<ulong> words, int bits, string id)
    {
        writer.Write(ToHex(words, bits));
        writer.Write('\t');
        writer.Write(id);
        writer.Write('\n');
    }

    /// <summary>Hex encoding: bytes in order, two lowercase hex digits each.</summary>
    public static string ToHex(ReadOnlySpan<ulong> words, int bits)
    {
        int bytes = (bits + 7) / 8;
        var sb = new StringBuilder(bytes * 2);
        for (int i = 0; i < bytes; i++)
        {
            byte b = (byte)(words[i >> 3] >> ((i & 7) * 8));
            sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>Decodes hex into packed words; false when the text is not hex of the expected length.</summary>
    public static bool TryFromHex(ReadOnlySpan<char> hex, int bits, out ulong[] words)
    {
        int bytes = (bits + 7) / 8;
        words = new ulong[(bits + 63) / 64];
        if (hex.Length != bytes * 2)
        {
            return false;
        }

        for (int i = 0; i < bytes; i++)
        {
            if (!byte.TryParse(hex.Slice(i * 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte b))
            {
                return false;
            }

            words[i >> 3] |= (ulong)b << ((i & 7) * 8);
        }

        return true;
    }

    /// <summary>Reads an FPS stream: the header's bit count and each (id, words) record.</summary>
    /// <exception cref="FormatException">A line is malformed; the message names the line.</exception>
    public static IEnumerable<(string Id, ulong[] Words)> Read(TextReader reader, out int bits)
    {
        var records = new List<(string, ulong[])>();
        bits = 0;
        string? line;
        int lineNumber = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.StartsWith('#'))
            {
                if (line.StartsWith("#num_bits=", StringComparison.Ordinal))
                {
                    bits = int.Parse(line.AsSpan(10), CultureInfo.InvariantCulture);
                }

                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            int tab = line.IndexOf('\t');
            var hex = tab < 0 ? line.AsSpan() : line.AsSpan(0, tab);
            if (bits == 0)
            {
                bits = hex.Length * 4;
            }

            if (!TryFromHex(hex, bits, out var words))
            {
                throw new FormatException($"line {lineNumber}: not a {bits}-bit hex fingerprint");
            }

            records.Add((tab < 0 ? "" : line[(tab + 1)..], words));
        }

        return records;
    }
}
