using MedEdu.Compute.Data;
using MedEdu.Pipeline.Datasets;

namespace MedEdu.Pipeline.Ingestion;

/// <summary>
/// Cuts a CSV into row chunks as it streams past, block by block, holding only the unfinished
/// last record between blocks: the same chunks as <see cref="FetchRawDataset.Plan"/> on the whole
/// file, in memory that does not grow with the file.
/// </summary>
public sealed class StreamingChunkPlanner(ColumnMapping mapping, int chunkSize)
{
    /// <summary>Longest record accepted; a longer one is almost surely not a CSV row.</summary>
    public const int MaxRecordBytes = 16 << 20;

    private readonly List<RowChunk> _chunks = [];
    private byte[] _carry = [];
    private long _carryOffset;
    private int _carryLine = 1;
    private string[]? _header;
    private string? _error;
    private int _dataRows;
    private (long Offset, int Row, int Line, int Count, long End)? _open;

    /// <summary>Why the file cannot be ingested, once known (then the rest is ignored).</summary>
    public string? Error => _error;

    /// <summary>Feeds the next block of the file.</summary>
    public void Append(ReadOnlySpan<byte> block)
    {
        if (_error is not null || block.IsEmpty)
        {
            return;
        }

        var data = new byte[_carry.Length + block.Length];
        _carry.CopyTo(data, 0);
        block.CopyTo(data.AsSpan(_carry.Length));
        Consume(data, final: false);
    }

    /// <summary>The plan, after the last block.</summary>
    public RawDatasetManifest Finish(string blobName, string hash)
    {
        if (_error is null)
        {
            Consume(_carry, final: true);
        }

        if (_error is null && _header is null)
        {
            _error = "the file is empty";
        }

        if (_error is not null)
        {
            return new RawDatasetManifest(blobName, hash, _header ?? [], 0, [], _error);
        }

        Close();
        return new RawDatasetManifest(blobName, hash, _header!, _dataRows, _chunks, null);
    }

    private void Consume(byte[] data, bool final)
    {
        var records = CsvRecordSplitter.Split(data, _carryLine);
        int keep = final ? records.Count : records.Count - 1; // the last may continue in the next block
        for (int i = 0; i < keep && _error is null; i++)
        {
            Take(data, records[i]);
        }

        if (final || _error is not null)
        {
            _carry = [];
            return;
        }

        if (records.Count == 0)
        {
            // Only blank lines so far: nothing to carry but the line count.
            _carryLine += data.Count(b => b == (byte)'\n');
            _carryOffset += data.Length;
            _carry = [];
            return;
        }

        var last = records[^1];
        _carry = data[last.Offset..];
        _carryOffset += last.Offset;
        _carryLine = last.Line;
        if (_carry.Length > MaxRecordBytes)
        {
            _error = $"a row starting on line {last.Line} is longer than {MaxRecordBytes >> 20} MiB: is this a CSV file?";
        }
    }

    private void Take(byte[] data, CsvRecordExtent record)
    {
        long offset = _carryOffset + record.Offset;
        if (_header is null)
        {
            _header = CompoundRowReader.ReadHeader(data.AsSpan(record.Offset, record.Length), out var headerError);
            _error = _header is null ? headerError
                : CompoundRowReader.Create(_header, mapping, out var mappingError) is null ? mappingError
                : null;
            return;
        }

        _dataRows++;
        long end = offset + record.LengthWithTerminator;
        _open = _open is { } open
            ? open with { Count = open.Count + 1, End = end }
            : (offset, _dataRows, record.Line, 1, end);
        if (_open.Value.Count == chunkSize)
        {
            Close();
        }
    }

    private void Close()
    {
        if (_open is { } open)
        {
            _chunks.Add(new RowChunk(_chunks.Count, open.Offset, checked((int)(open.End - open.Offset)), open.Row, open.Line, open.Count));
            _open = null;
        }
    }
}
