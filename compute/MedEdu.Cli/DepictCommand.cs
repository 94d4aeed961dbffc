using MedEdu.Compute.Chemistry.Depictor;
using MedEdu.Compute.Chemistry.Explanations;
using MedEdu.Compute.Chemistry.Molecules;
using MedEdu.Compute.Chemistry.SmilesParse;

namespace MedEdu.Cli;

/// <summary><c>mededu depict</c>: SVG drawings of one SMILES, or of every molecule of a file into a folder.</summary>
internal static class DepictCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = new Options(args, "--smiles", "--input", "--smiles-column", "--id-column", "--output", "--aromatic", "--width", "--height", "--highlight", "--query");
        var style = options.Text("--aromatic") switch
        {
            null or "kekule" => AromaticStyle.Kekule,
            "circles" => AromaticStyle.Circles,
            var other => throw new UsageException($"--aromatic must be kekule or circles, not '{other}'"),
        };
        var drawing = new DepictionOptions { Aromatic = style, Width = options.Int("--width", 0, 0, 4000), Height = options.Int("--height", 0, 0, 4000) };
        var highlight = Highlight(options);
        string? smiles = options.Text("--smiles"), input = options.Text("--input");
        if ((smiles is null) == (input is null))
        {
            throw new UsageException("give exactly one of --smiles and --input");
        }

        if (smiles is not null)
        {
            if (!SmilesParser.TryParse(smiles, out var molecule, out var error))
            {
                stderr.WriteLine($"mededu depict: invalid SMILES at position {error!.Position}: {error.Reason}");
                return 1;
            }

            string svg = SvgDepictor.Draw(molecule!, drawing with { Title = smiles, Highlight = highlight?.Invoke(molecule!) });
            if (options.Text("--output") is string file)
            {
                File.WriteAllText(file, svg);
            }
            else
            {
                stdout.Write(svg);
            }

            return 0;
        }

        string folder = options.Required("--output");
        Directory.CreateDirectory(folder);
        int failed = 0, written = 0;
        var progress = new Progress(stderr, "depict");
        foreach (var (m, svg, error) in OrderedParallel.Map(MoleculeSource.Read(input!, options.Text("--smiles-column"), options.Text("--id-column")), Draw))
        {
            progress.Tick();
            if (svg is null)
            {
                failed++;
                stderr.WriteLine($"row {m.Row} ({m.Id}): {error}");
                continue;
            }

            File.WriteAllText(Path.Combine(folder, SafeFileName(m.Id, m.Row) + ".svg"), svg);
            written++;
        }

        stderr.WriteLine($"depict: {written} drawings in {folder}, {failed} failed");
        return failed == 0 ? 0 : 1;

        (InputMolecule M, string? Svg, string? Error) Draw(InputMolecule m)
        {
            var molecule = m.Parse(out string? error);
            return (m, molecule is null ? null : SvgDepictor.Draw(molecule, drawing with { Title = m.Id, Highlight = highlight?.Invoke(molecule) }), error);
        }
    }

    /// <summary>What <c>--highlight</c> (and <c>--query</c>, for similarity) ask to draw on each molecule; null for plain drawings.</summary>
    private static Func<Molecule, Highlighting>? Highlight(Options options)
    {
        string? query = options.Text("--query");
        if (options.Text("--highlight") is null)
        {
            return query is null ? null : throw new UsageException("--query is for --highlight similarity");
        }

        var kind = MoleculeHighlights.Parse(options.Choice("--highlight", "", [.. MoleculeHighlights.Names]))!.Value;
        if (kind != HighlightKind.Similarity)
        {
            return query is null ? m => MoleculeHighlights.For(m, kind) : throw new UsageException("--query is for --highlight similarity");
        }

        if (query is null)
        {
            throw new UsageException("--highlight similarity needs --query SMILES (the molecule to compare with)");
        }

        if (!SmilesParser.TryParse(query, out var queryMolecule, out var error))
        {
            throw new UsageException($"--query is not a valid SMILES: position {error!.Position}: {error.Reason}");
        }

        return m => MoleculeHighlights.For(m, kind, queryMolecule, query);
    }

    private static string SafeFileName(string id, int row)
    {
        var chars = id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        string name = new string(chars).Trim('.');
        return name.Length == 0 || name.Length > 100 ? $"row-{row}" : name;
    }
}
