namespace MedEdu.Cli.Tests;

/// <summary>Runs the mededu command in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter();
        int code = MededuCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static string Dataset(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "datasets", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(file);
    }

    public static string Reference() => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Dataset("aqsoldb.csv")))!, "tests", "reference", "rdkit_morgan_r2_2048.tsv.gz");
}
