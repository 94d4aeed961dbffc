namespace MedEdu.Compute.Data;

/// <summary>
/// Finds the byte extent of each RFC 4180 record in raw CSV bytes without decoding them, so a
/// file can be cut into chunks on record boundaries (a quoted field may contain line breaks).
/// Works on bytes because UTF-8 never uses the quote, comma or newline bytes inside a multi-byte
/// sequence, and decoding is left to <see cref="CsvFieldParser"/> so bad UTF-8 stays a per-row error.
/// </summary>
public static class CsvRecordSplitter
{
    /// <summary>
    /// Returns the records of <paramref name="data"/> in order. Empty lines are skipped; a record's
    /// extent excludes its line terminator (LF or CRLF).
    /// </summary>
    /// <param name="data">Raw CSV bytes, possibly starting with a UTF-8 byte-order mark.</param>
    /// <param name="firstLine">1-based line number of the first byte of <paramref name="data"/>.</param>
    public static List<CsvRecordExtent> Split(ReadOnlySpan<byte> data, int firstLine = 1)
    {
        var records = new List<CsvRecordExtent>();
        int start = 0;
        if (data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
        {
            start = 3;
        }

        int line = firstLine;
        int recordLine = line;
        var state = State.FieldStart;
        for (int i = start; i < data.Length; i++)
        {
            byte b = data[i];
            if (b == (byte)'\n')
            {
                line++;
            }

            switch (state)
            {
                case State.Quoted:
                    if (b == (byte)'"')
                    {
                        state = State.QuoteInQuoted;
                    }

                    continue;
                case State.QuoteInQuoted when b == (byte)'"':
                    state = State.Quoted; // a doubled quote is an escaped quote
                    continue;
                case State.FieldStart when b == (byte)'"':
                    state = State.Quoted;
                    continue;
            }

            if (b == (byte)',')
            {
                state = State.FieldStart;
            }
            else if (b == (byte)'\n')
            {
                AddRecord(records, data, start, i, recordLine);
                start = i + 1;
                recordLine = line;
                state = State.FieldStart;
            }
            else
            {
                // A quote inside an unquoted field is plain data, as in most CSV readers.
                state = State.Unquoted;
            }
        }

        AddRecord(records, data, start, data.Length, recordLine);
        return records;
    }

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    private static void AddRecord(List<CsvRecordExtent> records, ReadOnlySpan<byte> data, int start, int end, int line)
    {
        int trimmedEnd = end;
        if (trimmedEnd > start && data[trimmedEnd - 1] == (byte)'\r')
        {
            trimmedEnd--;
        }

        if (trimmedEnd > start)
        {
            records.Add(new CsvRecordExtent(start, trimmedEnd - start, end - start, line));
        }
    }
}

/// <summary>The position of one CSV record inside a byte buffer.</summary>
/// <param name="Offset">Byte offset of the record's first byte.</param>
/// <param name="Length">Length in bytes, excluding the line terminator.</param>
/// <param name="LengthWithTerminator">Length in bytes including the line terminator, if any.</param>
/// <param name="Line">1-based line number on which the record starts.</param>
public readonly record struct CsvRecordExtent(int Offset, int Length, int LengthWithTerminator, int Line);
