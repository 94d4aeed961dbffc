using MedEdu.Compute.Chemistry.Descriptors;
using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Screening;

namespace MedEdu.Cli;

/// <summary><c>mededu store build</c>: a screening store (fingerprints + filter properties) from SMILES or CSV.</summary>
internal static class StoreCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] != "build")
        {
            throw new UsageException("usage: mededu store build --input FILE [--output FILE.store] [--bits 2048]");
        }

        var options = new Options(args.Skip(1), "--input", "--smiles-column", "--id-column", "--output", "--bits");
        string inputPath = options.Required("--input");
        string outputPath = options.Text("--output") ?? Path.ChangeExtension(inputPath, ".store");
        int bits = options.Int("--bits", 2048, 64, 16384);
        var entries = new List<(string Id, ulong[] Fp, float[] Props)>();
        var progress = new Progress(stderr, "store");
        int failed = 0;
        foreach (var (m, entry, error) in OrderedParallel.Map(MoleculeSource.Read(inputPath, options.Text("--smiles-column"), options.Text("--id-column")), m => Featurize(m, bits)))
        {
            progress.Tick();
            if (entry is null)
            {
                failed++;
                stderr.WriteLine($"{m.Id} (row {m.Row}): {error}");
                continue;
            }

            entries.Add(entry.Value);
        }

        var builder = new FingerprintStoreBuilder(bits, entries.Count);
        foreach (var (id, fp, props) in entries)
        {
            builder.Add(id, fp, props);
        }

        using var store = builder.Build();
        using (var file = File.Create(outputPath))
        {
            FingerprintStoreFile.Write(store, file);
        }

        stderr.WriteLine($"store: {store.Count:N0} compounds written to {outputPath}, {failed:N0} failed");
        return failed > 0 ? 1 : 0;
    }

    private static (InputMolecule M, (string, ulong[], float[])? Entry, string? Error) Featurize(InputMolecule m, int bits)
    {
        if (m.Parse(out var error) is not { } molecule)
        {
            return (m, null, error);
        }

        var d = DescriptorSet.Compute(molecule);
        return (m, (m.Id, MorganFingerprint.BitVector(molecule, 2, bits), d.ScreeningProperties()), null);
    }
}
