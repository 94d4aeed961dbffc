using System.Globalization;
using MedEdu.Compute.Chemistry.Fingerprints;
using MedEdu.Compute.Chemistry.SmilesParse;
using MedEdu.Compute.Screening;

namespace MedEdu.Cli;

/// <summary><c>mededu search</c>: top-k or threshold similarity search of a store, as CSV query_id,rank,id,score.</summary>
internal static class SearchCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = new Options(args, "--store", "--query", "--queries", "--smiles-column", "--id-column", "-k", "--threshold",
            "--metric", "--alpha", "--beta", "--filter", "--accelerator", "--output");
        string storePath = options.Required("--store");
        if (!File.Exists(storePath))
        {
            throw new UsageException($"store file '{storePath}' does not exist");
        }

        if ((options.Text("--query") is null) == (options.Text("--queries") is null))
        {
            throw new UsageException("give exactly one of --query SMILES or --queries FILE");
        }

        float? threshold = options.Float("--threshold", 0f, 1f);
        int k = options.Int("-k", 10, 1, ScreeningRequest.MaxK);
        string metric = options.Choice("--metric", "tanimoto", [.. SimilarityMeasure.Names]);
        var measure = SimilarityMeasure.Named(metric, options.Float("--alpha", 0f, 10f), options.Float("--beta", 0f, 10f))!.Value;
        var filter = PropertyFilter.Named(options.Choice("--filter", "none", [.. PropertyFilter.Names]))!.Value;
        string accelerator = options.Choice("--accelerator", "auto", [.. ScreeningEngines.Choices]);

        FingerprintStore store;
        try
        {
            using var file = File.OpenRead(storePath);
            store = FingerprintStoreFile.Read(file);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"'{storePath}' is not a usable store: {e.Message}");
        }

        using var _ = store;
        var queryMolecules = options.Text("--query") is { } single
            ? [new InputMolecule(1, "query", single, null)]
            : MoleculeSource.Read(options.Text("--queries")!, options.Text("--smiles-column"), options.Text("--id-column")).ToList();
        var ids = new List<string>();
        var fingerprints = new List<ulong[]>();
        int failed = 0;
        foreach (var m in queryMolecules)
        {
            if (m.Parse(out var error) is { } molecule)
            {
                ids.Add(m.Id);
                fingerprints.Add(MorganFingerprint.BitVector(molecule, 2, store.Bits));
            }
            else
            {
                failed++;
                stderr.WriteLine($"query {m.Id}: {error}");
            }
        }

        ISimilarityEngine engine;
        try
        {
            engine = ScreeningEngines.Create(accelerator);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        using (engine)
        {
            var request = threshold is float t
                ? ScreeningRequest.AtLeast(fingerprints, t, measure, filter)
                : ScreeningRequest.TopK(fingerprints, k, measure, filter);
            var result = engine.Search(store, request);
            stderr.WriteLine($"engine: {engine.Name} on {engine.Device}; {fingerprints.Count} queries x {store.Count:N0} compounds in {result.Elapsed.TotalMilliseconds:F1} ms");
            using var output = Output.Open(options.Text("--output"), stdout);
            output.Writer.Write("query_id,rank,id,score\n");
            for (int q = 0; q < result.Hits.Count; q++)
            {
                int rank = 0;
                foreach (var hit in result.Hits[q])
                {
                    output.Writer.Write($"{Csv.Field(ids[q])},{++rank},{Csv.Field(store.Ids[hit.Index])},{hit.Score.ToString("0.####", CultureInfo.InvariantCulture)}\n");
                }
            }
        }

        return failed > 0 ? 1 : 0;
    }
}
