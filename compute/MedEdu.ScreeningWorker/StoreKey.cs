namespace MedEdu.ScreeningWorker;

/// <summary>A dataset version whose store the worker searches.</summary>
public readonly record struct StoreKey(string Dataset, int Version)
{
    /// <inheritdoc />
    public override string ToString() => $"{Dataset} v{Version}";
}
