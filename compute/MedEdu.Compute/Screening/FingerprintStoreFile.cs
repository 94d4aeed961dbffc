using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace MedEdu.Compute.Screening;

/// <summary>
/// The versioned binary file of a <see cref="FingerprintStore"/> (what the pipeline keeps in Blob):
/// a 64-byte header (magic "MEDFPS01", format version, bits, count, payload XxHash64), then the
/// fingerprint rows, popcounts, the six property columns and the ids (length-prefixed UTF-8).
/// Version 2 (written now) holds the rows ordered by popcount; version 1 files, written in
/// insertion order, are still read and ordered on loading. Reading streams straight into the
/// aligned block; nothing is copied twice.
/// </summary>
public static class FingerprintStoreFile
{
    /// <summary>File magic.</summary>
    public static ReadOnlySpan<byte> Magic => "MEDFPS01"u8;

    /// <summary>Format version written: 2, rows ordered by popcount.</summary>
    public const int FormatVersion = 2;

    /// <summary>The first format: rows in insertion order (read and ordered on loading).</summary>
    public const int InsertionOrderVersion = 1;

    private const int HeaderSize = 64;

    /// <summary>Writes <paramref name="store"/> to <paramref name="stream"/>.</summary>
    public static void Write(FingerprintStore store, Stream stream)
    {
        // Two passes over the same sections: hash first (the header carries it), then write.
        var hash = new XxHash64();
        long length = 0;
        Sections(store, bytes =>
        {
            hash.Append(bytes);
            length += bytes.Length;
        });

        Span<byte> header = stackalloc byte[HeaderSize];
        header.Clear();
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], store.Bits);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], store.Count);
        BinaryPrimitives.WriteInt32LittleEndian(header[20..], PropertyFilter.PropertyCount);
        BinaryPrimitives.WriteUInt64LittleEndian(header[24..], hash.GetCurrentHashAsUInt64());
        BinaryPrimitives.WriteInt64LittleEndian(header[32..], length);
        stream.Write(header);
        Sections(store, bytes => stream.Write(bytes));
    }

    private delegate void SectionSink(ReadOnlySpan<byte> bytes);

    private static void Sections(FingerprintStore store, SectionSink sink)
    {
        sink(MemoryMarshal.AsBytes(store.AllFingerprints));
        sink(MemoryMarshal.AsBytes(store.PopCounts.AsSpan(0, store.Count)));
        foreach (var column in store.Properties)
        {
            sink(MemoryMarshal.AsBytes(column.AsSpan(0, store.Count)));
        }

        Span<byte> length = stackalloc byte[4];
        for (int i = 0; i < store.Count; i++)
        {
            var id = Encoding.UTF8.GetBytes(store.Ids[i] ?? "");
            BinaryPrimitives.WriteInt32LittleEndian(length, id.Length);
            sink(length);
            sink(id);
        }
    }

    /// <summary>Builds a store from chemfp FPS text (ids from the records; properties unknown, so filters exclude them).</summary>
    /// <exception cref="FormatException">A record is not valid hex of the header's width.</exception>
    public static FingerprintStore FromFps(TextReader reader)
    {
        var records = Chemistry.Fingerprints.FpsFormat.Read(reader, out int bits).ToList();
        int width = ((bits + 63) / 64) * 64;
        var builder = new FingerprintStoreBuilder(width, records.Count);
        foreach (var (id, words) in records)
        {
            builder.Add(id, words, []);
        }

        return builder.Build();
    }

    /// <summary>Reads a store.</summary>
    /// <exception cref="InvalidDataException">Not a store file, an unknown version, truncated, or the checksum does not match.</exception>
    public static FingerprintStore Read(Stream stream)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        stream.ReadExactly(header);
        if (!header[..8].SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a MedEdu fingerprint store (bad magic)");
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (version is not (FormatVersion or InsertionOrderVersion))
        {
            throw new InvalidDataException($"fingerprint store format version {version} is not supported (this build reads versions {InsertionOrderVersion} and {FormatVersion}); "
                + "rebuild the file with 'mededu store', or ingest the dataset again (POST /api/datasets/{id}/refresh)");
        }

        int bits = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        int count = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
        int properties = BinaryPrimitives.ReadInt32LittleEndian(header[20..]);
        ulong expectedHash = BinaryPrimitives.ReadUInt64LittleEndian(header[24..]);
        if (bits <= 0 || bits % 64 != 0 || count < 0 || properties != PropertyFilter.PropertyCount)
        {
            throw new InvalidDataException($"corrupt header: bits {bits}, count {count}, properties {properties}");
        }

        var store = new FingerprintStore(bits, count);
        try
        {
            var hash = new XxHash64();
            void Fill(Span<byte> target)
            {
                try
                {
                    stream.ReadExactly(target);
                }
                catch (EndOfStreamException)
                {
                    throw new InvalidDataException("the fingerprint store file is truncated");
                }

                hash.Append(target);
            }

            // Rows stream straight into the aligned block, a chunk at a time.
            int rowsPerChunk = Math.Max(1, (1 << 20) / (store.Words * 8));
            for (int start = 0; start < count; start += rowsPerChunk)
            {
                int rows = Math.Min(rowsPerChunk, count - start);
                unsafe
                {
                    Fill(new Span<byte>(store.Pointer + ((long)start * store.Words), rows * store.Words * 8));
                }
            }

            Fill(MemoryMarshal.AsBytes(store.PopCounts.AsSpan(0, count)));
            foreach (var column in store.Properties)
            {
                Fill(MemoryMarshal.AsBytes(column.AsSpan(0, count)));
            }

            Span<byte> length = stackalloc byte[4];
            for (int i = 0; i < count; i++)
            {
                Fill(length);
                int n = BinaryPrimitives.ReadInt32LittleEndian(length);
                if (n < 0 || n > 1 << 16)
                {
                    throw new InvalidDataException($"corrupt id length {n} at compound {i}");
                }

                var id = new byte[n];
                Fill(id);
                store.Ids[i] = Encoding.UTF8.GetString(id);
            }

            if (hash.GetCurrentHashAsUInt64() != expectedHash)
            {
                throw new InvalidDataException("the fingerprint store's checksum does not match its contents");
            }

            store.Count = count;
            if (!store.SortByPopCount() && version == FormatVersion)
            {
                throw new InvalidDataException("corrupt store: a version 2 file must hold its rows ordered by popcount");
            }

            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}
