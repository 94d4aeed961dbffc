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
        var hits = new SimdCpuEngine().Search(loaded, ScreeningRequest.TopK([source.Fingerprint(7).ToArray()], 1)).Hits[0];
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
}
