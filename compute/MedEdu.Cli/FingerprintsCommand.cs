using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Chemistry.SmilesParse;

namespace MedEdu.Cli;

/// <summary><c>mededu fingerprints</c>: Morgan fingerprints as chemfp FPS; failures go to standard error.</summary>
internal static class FingerprintsCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = new Options(args, "--input", "--smiles-column", "--id-column", "--radius", "--bits", "--output");
        int radius = options.Int("--radius", 2, 0, 8);
        int bits = options.Int("--bits", 2048, 64, 16384);
        if (bits % 64 != 0)
        {
            throw new UsageException($"option '--bits' must be a multiple of 64, not {bits}");
        }

        var input = MoleculeSource.Read(options.Required("--input"), options.Text("--smiles-column"), options.Text("--id-column"));
        using var output = Output.Open(options.Text("--output"), stdout);
        FpsFormat.WriteHeader(output.Writer, bits, FpsFormat.MorganType(radius, bits));
        var progress = new Progress(stderr, "fingerprints");
        int failed = 0;
        foreach (var (m, words, error) in OrderedParallel.Map(input, m => Compute(m, radius, bits)))
        {
            progress.Tick();
            if (words is null)
            {
                failed++;
                stderr.WriteLine($"{m.Id} (row {m.Row}): {error}");
                continue;
            }

            FpsFormat.WriteRecord(output.Writer, words, bits, m.Id);
        }

        stderr.WriteLine($"fingerprints: {progress.Count:N0} molecules, {failed:N0} failed");
        return failed > 0 ? 1 : 0;
    }

    private static (InputMolecule M, ulong[]? Words, string? Error) Compute(InputMolecule m, int radius, int bits)
    {
        return m.Parse(out var error) is { } molecule
            ? (m, MorganFingerprint.BitVector(molecule, radius, bits), null)
            : (m, null, error);
    }
}
