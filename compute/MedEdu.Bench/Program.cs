using MedEdu.Bench;

// mededu-bench: throughput benchmarks that print ratios against their baselines.
string command = args.Length > 0 ? args[0] : "help";
int repeats = args.SkipWhile(a => a != "--repeats").Skip(1).Select(int.Parse).FirstOrDefault(3);
return command switch
{
    "chemistry" => ChemistryBenchmark.Run(Datasets.Folder(), repeats),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project compute/MedEdu.Bench -- <command> [--repeats N]");
    Console.Error.WriteLine("commands:");
    Console.Error.WriteLine("  chemistry   SMILES parse and Morgan fingerprint throughput on AqSolDB vs RDKit");
    return 2;
}
