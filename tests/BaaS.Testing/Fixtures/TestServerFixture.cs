using BaaS.Client;

namespace BaaS.Testing;

/// <summary>
/// One <see cref="TestServer"/> shared by the tests of a class or a collection (xunit's class and collection fixtures).
/// A suite's fixture says what it serves in <see cref="Configure"/>, prepares the database in
/// <see cref="BeforeStartAsync"/> (migrations, seed data) and adds what it needs after start in <see cref="AfterStartAsync"/>.
/// </summary>
public abstract class TestServerFixture : IAsyncLifetime
{
    private TestServer? _server;

    /// <summary>The running server.</summary>
    public TestServer Server => _server ?? throw new InvalidOperationException("The server is not started yet.");

    /// <summary>Where the server listens.</summary>
    public string BaseUrl => Server.BaseUrl;

    /// <summary>The server's raw client.</summary>
    public HttpClient Http => Server.Http;

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => Server.Services;

    /// <summary>What the app logged.</summary>
    public TestLogs Logs => Server.Logs;

    /// <summary>A typed client, acting as <paramref name="user"/> (<see cref="TestAuthentication.Header"/>) or anonymous.</summary>
    public JsonApiClient CreateClient(string? user = null) => Server.CreateClient(user);

    /// <summary>Says what the server serves and on which database.</summary>
    protected abstract void Configure(TestServerOptions options);

    /// <summary>Runs before the server starts.</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    /// <summary>Runs after the server started.</summary>
    protected virtual Task AfterStartAsync() => Task.CompletedTask;

    /// <summary>Runs after the server stopped (and dropped the database it created).</summary>
    protected virtual ValueTask AfterStopAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await BeforeStartAsync();
        var options = new TestServerOptions();
        Configure(options);
        _server = await TestServer.StartAsync(options);
        await AfterStartAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        await AfterStopAsync();
    }
}
