namespace MedEdu.Pipeline.Tests.Infrastructure;

/// <summary>One running local host shared by the tests of a class.</summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    private LocalHostProcess? _host;

    /// <summary>The running host.</summary>
    public LocalHostProcess Host => _host ?? throw new InvalidOperationException("host not started");

    /// <inheritdoc />
    public async Task InitializeAsync() => _host = await LocalHostProcess.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
