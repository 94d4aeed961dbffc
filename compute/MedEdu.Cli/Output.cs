namespace MedEdu.Cli;

/// <summary>Standard output, or a file when <c>--output</c> names one.</summary>
internal sealed class Output : IDisposable
{
    private readonly bool _owned;

    private Output(TextWriter writer, bool owned)
    {
        Writer = writer;
        _owned = owned;
    }

    public TextWriter Writer { get; }

    public static Output Open(string? path, TextWriter stdout)
    {
        if (path is null)
        {
            return new Output(stdout, false);
        }

        try
        {
            return new Output(new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" }, true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            throw new UsageException($"cannot write '{path}': {e.Message}");
        }
    }

    public void Dispose()
    {
        Writer.Flush();
        if (_owned)
        {
            Writer.Dispose();
        }
    }
}
