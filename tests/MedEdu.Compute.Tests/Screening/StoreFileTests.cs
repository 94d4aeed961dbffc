using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Screening;

namespace MedEdu.Compute.Tests.Screening;

public sealed class StoreFileTests
{
    [Fact]
    public void AStoreSurvivesWriteAndRead()
    {
        using var store = StoreFixtures.Random(300, 2048, 9);
        using var stream = new MemoryStream();
        FingerprintStoreFile.Write(store, stream);
        stream.Position = 0;
        using var loaded = FingerprintStoreFile.Read(stream);
        Assert.Equal(store.Count, loaded.Count);
        Assert.Equal(store.Bits, loaded.Bits);
        Assert.True(store.AllFingerprints.SequenceEqual(loaded.AllFingerprints));
        Assert.Equal(store.PopCounts.Take(300), loaded.PopCounts.Take(300));
        Assert.Equal(store.Ids.Take(300), loaded.Ids.Take(300));
        Assert.Equal(store.Properties[2].Take(300), loaded.Properties[2].Take(300));
        unsafe
        {
            fixed (ulong* p = loaded.AllFingerprints)
            {
                Assert.Equal(0, (long)p % 64);
            }
        }
    }

    [Fact]
    public void ACorruptedByteIsCaughtByTheChecksum()
    {
        using var store = StoreFixtures.Random(50, 1024, 1);
        using var stream = new MemoryStream();
        FingerprintStoreFile.Write(store, stream);
        var bytes = stream.ToArray();
        bytes[100] ^= 0x10;
        var error = Assert.Throws<InvalidDataException>(() => FingerprintStoreFile.Read(new MemoryStream(bytes)));
        Assert.Contains("checksum", error.Message);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => FingerprintStoreFile.Read(new MemoryStream(bytes[..200]))).Message);
        Assert.Contains("magic", Assert.Throws<InvalidDataException>(() => FingerprintStoreFile.Read(new MemoryStream(new byte[64]))).Message);
    }

    [Fact]
    public void AnFpsFileLoadsIntoASearchableStore()
    {
        using var source = StoreFixtures.Random(120, 2048, 5);
        var writer = new StringWriter();
        FpsFormat.WriteHeader(writer, 2048, FpsFormat.MorganType(2, 2048));
        for (int i = 0; i < source.Count; i++)
        {
            FpsFormat.WriteRecord(writer, source.Fingerprint(i), 2048, source.Ids[i]);
        }

        using var loaded = FingerprintStoreFile.FromFps(new StringReader(writer.ToString()));
        Assert.Equal(120, loaded.Count);
        Assert.Equal(source.Ids.Take(120), loaded.Ids.Take(120));
        Assert.True(source.AllFingerprints.SequenceEqual(loaded.AllFingerprints));
        var hits = new SimdCpuEngine().Search(loaded, ScreeningRequest.TopK([source.Fingerprint(source.Count - 1).ToArray()], 1)).Hits[0];
        Assert.Equal(1f, hits[0].Score);
    }

    [Fact]
    public void FpsRecordsRoundTripAndMatchChemfpsBitOrder()
    {
        var words = new ulong[32];
        words[0] = 0b1; // bit 0 → first byte 01
        words[1] = 1UL << 63; // bit 127 → byte 15 = 80
        string hex = FpsFormat.ToHex(words, 2048);
        Assert.StartsWith("01000000000000000000000000000080", hex);
        var writer = new StringWriter();
        FpsFormat.WriteHeader(writer, 2048, FpsFormat.MorganType(2, 2048));
        FpsFormat.WriteRecord(writer, words, 2048, "mol-1");
        var records = FpsFormat.Read(new StringReader(writer.ToString()), out int bits).ToList();
        Assert.Equal(2048, bits);
        Assert.Equal("mol-1", records[0].Id);
        Assert.Equal(words, records[0].Words);
    }

    [Fact]
    public void AVersion1FileInInsertionOrderIsReadAndOrderedByPopCount()
    {
        // Version 1's layout, written by hand in insertion order: rows, popcounts, six property columns, ids.
        var rows = new[] { (Id: "many", Bits: new[] { 1, 2, 3, 4, 5 }), (Id: "none", Bits: Array.Empty<int>()), (Id: "two", Bits: new[] { 7, 900 }) };
        var payload = new MemoryStream();
        var writer = new BinaryWriter(payload);
        foreach (var (_, bits) in rows)
        {
            var words = new ulong[16];
            foreach (int b in bits)
            {
                words[b >> 6] |= 1UL << (b & 63);
            }

            foreach (ulong w in words)
            {
                writer.Write(w);
            }
        }

        foreach (var (_, bits) in rows)
        {
            writer.Write(bits.Length);
        }

        for (int p = 0; p < 6; p++)
        {
            foreach (var (_, bits) in rows)
            {
                writer.Write((float)(p * 100 + bits.Length));
            }
        }

        foreach (var (id, _) in rows)
        {
            writer.Write(id.Length);
            writer.Write(System.Text.Encoding.UTF8.GetBytes(id));
        }

        writer.Flush();
        var body = payload.ToArray();
        var header = new byte[64];
        FingerprintStoreFile.Magic.CopyTo(header);
        BitConverter.TryWriteBytes(header.AsSpan(8), 1);
        BitConverter.TryWriteBytes(header.AsSpan(12), 1024);
        BitConverter.TryWriteBytes(header.AsSpan(16), rows.Length);
        BitConverter.TryWriteBytes(header.AsSpan(20), 6);
        BitConverter.TryWriteBytes(header.AsSpan(24), System.IO.Hashing.XxHash64.HashToUInt64(body));
        BitConverter.TryWriteBytes(header.AsSpan(32), (long)body.Length);

        using var store = FingerprintStoreFile.Read(new MemoryStream([.. header, .. body]));
        Assert.Equal(["none", "two", "many"], store.Ids.Take(3));
        Assert.Equal([0, 2, 5], store.PopCounts.Take(3));
        Assert.Equal([102f, 105f], [store.Properties[1][1], store.Properties[1][2]]);
        Assert.Equal((1, 2), store.RowsWithPopCounts(2, 2));
        var hit = new SimdCpuEngine().Search(store, ScreeningRequest.TopK([store.Fingerprint(2).ToArray()], 1)).Hits[0][0];
        Assert.Equal(("many", 1f), (store.Ids[hit.Index], hit.Score));

        // An unknown version is refused with what to do about it.
        BitConverter.TryWriteBytes(header.AsSpan(8), 3);
        var error = Assert.Throws<InvalidDataException>(() => FingerprintStoreFile.Read(new MemoryStream([.. header, .. body])));
        Assert.Contains("version 3 is not supported", error.Message);
        Assert.Contains("mededu store", error.Message);

        // A version 2 file must already be ordered: this one is not, so it is corrupt.
        BitConverter.TryWriteBytes(header.AsSpan(8), 2);
        Assert.Contains("ordered by popcount", Assert.Throws<InvalidDataException>(() => FingerprintStoreFile.Read(new MemoryStream([.. header, .. body]))).Message);
    }
}
