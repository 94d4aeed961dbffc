using MedEdu.Bench;

// mededu-bench: throughput benchmarks that print ratios against their baselines.
string command = args.Length > 0 ? args[0] : "help";
int repeats = args.SkipWhile(a => a != "--repeats").Skip(1).Select(int.Parse).FirstOrDefault(3);
return command switch
{
    "chemistry" => ChemistryBenchmark.Run(Datasets.Folder(), repeats),
    "campaign" => CampaignBenchmark.Run(Datasets.Folder(), OptionText("--sizes", "200,500,1000,2000").Split(',').Select(int.Parse).ToArray(), repeats),
    "crossover" => ScreeningCrossover.Run(Datasets.Folder(), OptionText("--sizes", "100000,1000000").Split(',').Select(int.Parse).ToArray(), repeats,
        OptionText("--engine", "cuda")),
    "learners" => LearnersBenchmark.Run(Option("--students", 200), Option("--class-size", 50), OptionText("--seeds", "1,2,3").Split(',').Select(int.Parse).ToArray()),
    "models" => ModelsReport.Run(Datasets.Folder(), OptionText("--models", "LightGbm,RandomForest,Linear").Split(','), Option("--seeds", 5),
        OptionText("--datasets", "all").Split(',')),
    "screening" => ScreeningBenchmark.Run(Datasets.Folder(), Option("--size", 1_000_000), repeats, OptionText("--engines", "simd,cpu,cuda,opencl").Split(','),
        Enum.Parse<MedEdu.Compute.Screening.PopCountPath>(OptionText("--popcount", "auto"), ignoreCase: true), OptionText("--threads", "1,all")),
    _ => Usage(),
};

int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);
string OptionText(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project compute/MedEdu.Bench -- <command> [--repeats N]");
    Console.Error.WriteLine("commands:");
    Console.Error.WriteLine("  chemistry   SMILES parse, Morgan fingerprints, Crippen logP and PAINS + Brenk alerts on AqSolDB vs RDKit");
    Console.Error.WriteLine("  screening   top-10, top-1000 and threshold searches over a 1M-compound library vs RDKit and the read/copy ceilings,");
    Console.Error.WriteLine("              on one thread and all; rows pruned by the popcount bound");
    Console.Error.WriteLine("              [--size N] [--engines simd,cpu,cuda,opencl] [--popcount auto|avx512|avx2|scalar] [--threads 1,all]");
    Console.Error.WriteLine("  crossover   top-10 of 1-256 queries, SIMD against a GPU engine, and where the GPU starts to win");
    Console.Error.WriteLine("              [--sizes 100000,1000000] [--engine cuda]");
    Console.Error.WriteLine("  campaign    a discovery campaign's cost: building it (library, map, opponents) and refereeing a round [--sizes 200,500,1000,2000]");
    Console.Error.WriteLine("  learners    the student model on seeded simulated students: next-answer AUC beside baselines, and exercises");
    Console.Error.WriteLine("              to mastery with the model's planner against today's rule [--students 200] [--class-size 50] [--seeds 1,2,3]");
    Console.Error.WriteLine("  models      ML.NET metrics on every bundled dataset, random and scaffold splits, beside MoleculeNet");
    Console.Error.WriteLine("              [--models LightGbm,FastTree,Linear] [--seeds 5] [--datasets ESOL,FreeSolv,BBBP,AqSolDB]");
    return 2;
}
