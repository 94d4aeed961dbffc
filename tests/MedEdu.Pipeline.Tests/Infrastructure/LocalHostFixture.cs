namespace MedEdu.Pipeline.Tests.Infrastructure;

/// <summary>A test class's view of the assembly's shared local host (<see cref="SharedLocalHost"/>).</summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    private LocalHostProcess? _host;

    /// <summary>The running host.</summary>
    public LocalHostProcess Host => _host ?? throw new InvalidOperationException("host not started");

    /// <inheritdoc />
    public async Task InitializeAsync() => _host = await SharedLocalHost.HostAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask; // shared: killed when the test process exits
}
