namespace MedEdu.Cli;

/// <summary>The <c>mededu</c> command: dispatch, usage text and exit codes (0 ok, 1 some inputs failed, 2 usage error).</summary>
public static class MededuCli
{
    /// <summary>Runs a command line, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stderr.Write(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var rest = args[1..];
            return args[0] switch
            {
                "descriptors" => DescriptorsCommand.Run(rest, stdout, stderr),
                "fingerprints" => FingerprintsCommand.Run(rest, stdout, stderr),
                "store" => StoreCommand.Run(rest, stdout, stderr),
                "search" => SearchCommand.Run(rest, stdout, stderr),
                "validate" => ValidateCommand.Run(rest, stdout, stderr),
                "depict" => DepictCommand.Run(rest, stdout, stderr),
                "alerts" => AlertsCommand.Run(rest, stdout, stderr),
                "upload" => UploadCommand.Run(rest, stdout, stderr),
                "synth" => SynthCommand.Run(rest, stdout, stderr),
                "bench" => Bench(stderr),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"mededu: {e.Message}");
            stderr.WriteLine("run 'mededu --help' for usage");
            return 2;
        }
    }

    private static int Bench(TextWriter stderr)
    {
        stderr.WriteLine("benchmarks live in compute/MedEdu.Bench:");
        stderr.WriteLine("  dotnet run -c Release --project compute/MedEdu.Bench -- chemistry");
        stderr.WriteLine("  dotnet run -c Release --project compute/MedEdu.Bench -- screening [--size 1000000]");
        return 0;
    }

    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage: mededu <command> [options]

          descriptors  --input FILE [--smiles-column NAME] [--id-column NAME] [--output FILE]
                       CSV: id,smiles,MolWt,MolLogP,MolMR,TPSA,NumHDonors,NumHAcceptors,NumRotatableBonds,
                            RingCount,NumAromaticRings,HeavyAtomCount,NumHeteroatoms,FractionCSP3,error
          fingerprints --input FILE [--radius 2] [--bits 2048] [--output FILE.fps]
                       chemfp FPS 1; failures on standard error
          store build  --input FILE [--output FILE.store] [--bits 2048]
          search       --store FILE (--query SMILES | --queries FILE) [-k 10] [--threshold T]
                       [--metric tanimoto|dice|tversky] [--alpha A --beta B] [--filter lipinski|veber|druglike]
                       [--accelerator auto|cuda|opencl|cpu|simd]
                       CSV: query_id,rank,id,score; the engine used on standard error
          validate     --input FILE.csv --smiles-column NAME [--id-column NAME]
          depict       (--smiles SMILES [--output FILE.svg] | --input FILE [--smiles-column NAME] [--id-column NAME]
                       --output FOLDER) [--aromatic kekule|circles] [--width W] [--height H]
                       [--highlight similarity|logp|tpsa|alerts [--query SMILES]]
                       2D drawings as SVG (to standard output for one SMILES); --highlight colours atoms
                       (shared Morgan environments with --query; Crippen logP or TPSA shares; PAINS/Brenk
                       alert atoms) with a legend, in colours safe for colour-blind readers
          alerts       --input FILE [--catalog pains|brenk|all] [--smiles-column NAME] [--id-column NAME] [--output FILE]
                       structural alerts (PAINS A+B+C: 480, Brenk: 105; RDKit FilterCatalog's SMARTS)
                       CSV: id,pains,brenk,alerts,error (alert counts per catalog, names joined by ';')
          upload       --api URL --file FILE [--key KEY] [--id ID] [--name NAME] [--smiles-column NAME]
                       [--name-column NAME] [--value-column NAME] [--chunk-size 500] [--block-mib 8]
                       sends a CSV or SMILES file to a MedEdu instance in blocks and registers it as a dataset
          synth        [--count 100000] [--seed 1] [--output FILE.csv] [--datasets datasets]
                       a SYNTHETIC library for scale tests: bundled molecules with substituents attached,
                       valid and distinct; CSV id,smiles,logp (computed Crippen logP, not measured)
          bench        how to run the benchmarks

        Input is a SMILES file (SMILES<whitespace>ID per line) or, for .csv files or with --smiles-column, a CSV.
        Exit codes: 0 success, 1 some inputs failed (the output is complete for the rest), 2 usage error.

        """;
}
