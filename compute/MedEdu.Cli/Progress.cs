namespace MedEdu.Cli;

/// <summary>Progress on standard error for long inputs (over 10,000 molecules), every 10,000.</summary>
internal sealed class Progress(TextWriter error, string what)
{
    private int _count;

    public int Count => _count;

    public void Tick()
    {
        if (++_count % 10_000 == 0)
        {
            error.WriteLine($"{what}: {_count:N0} molecules...");
        }
    }
}
