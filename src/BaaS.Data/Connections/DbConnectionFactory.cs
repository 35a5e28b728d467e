using System.Collections.Concurrent;
using System.Data.Common;

namespace BaaS.Data;

/// <summary>
/// The app's databases: a default connection and any number of named ones (<c>RegisterConnection("jobs", ...)</c>),
/// each with its dialect and its own pool. Register once at startup, share the instance (it is thread-safe), and
/// open a connection per unit of work: <c>await using var db = await factory.OpenAsync(ct);</c>.
/// Disposing the factory closes the pools.
/// </summary>
public sealed class DbConnectionFactory : IDbConnectionFactory, IDisposable, IAsyncDisposable
{
    private readonly Registration _default;
    private readonly ConcurrentDictionary<string, Registration> _named = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the factory with its default connection.</summary>
    /// <param name="connectionString">The driver's connection string, e.g. <c>Data Source=App_Data/app.db</c>.</param>
    /// <param name="dialect">The dialect, e.g. <c>SqliteDialect.Instance</c>.</param>
    public DbConnectionFactory(string connectionString, DialectProvider dialect)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(dialect);
        _default = new Registration(null, connectionString, dialect);
    }

    /// <inheritdoc />
    public DialectProvider Dialect => _default.Dialect;

    /// <summary>The names of the registered named connections.</summary>
    public IReadOnlyCollection<string> ConnectionNames => _named.Keys.ToArray();

    /// <summary>Registers another database under <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">The name is already registered.</exception>
    public DbConnectionFactory RegisterConnection(string name, string connectionString, DialectProvider dialect)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(dialect);
        if (!_named.TryAdd(name, new Registration(name, connectionString, dialect)))
            throw new InvalidOperationException($"A connection named '{name}' is already registered.");
        return this;
    }

    /// <summary>The dialect of the named connection (or of the default one when <paramref name="name"/> is null).</summary>
    public DialectProvider GetDialect(string? name = null) => Get(name).Dialect;

    /// <inheritdoc />
    public DataConnection Open() => _default.Open();

    /// <inheritdoc />
    public DataConnection Open(string name) => Get(name).Open();

    /// <inheritdoc />
    public Task<DataConnection> OpenAsync(CancellationToken cancellationToken = default) => _default.OpenAsync(cancellationToken);

    /// <inheritdoc />
    public Task<DataConnection> OpenAsync(string name, CancellationToken cancellationToken = default) =>
        Get(name).OpenAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        _default.Dispose();
        foreach (var r in _named.Values) r.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _default.DisposeAsync().ConfigureAwait(false);
        foreach (var r in _named.Values) await r.DisposeAsync().ConfigureAwait(false);
    }

    private Registration Get(string? name)
    {
        if (name == null) return _default;
        if (_named.TryGetValue(name, out var r)) return r;
        var known = _named.Keys.ToArray();
        throw new InvalidOperationException(
            $"No connection named '{name}' is registered" + (known.Length > 0 ? $"; registered: {string.Join(", ", known)}." : "."));
    }

    private sealed class Registration(string? name, string connectionString, DialectProvider dialect) : IDisposable, IAsyncDisposable
    {
        // The pool is created on first open, so registering a connection that is never used costs nothing.
        private readonly Lazy<DbDataSource> _source = new(() => dialect.CreateDataSource(connectionString));

        public DialectProvider Dialect => dialect;

        // A database that cannot be reached (refused, shutting down, pool exhausted) is a DatabaseUnavailableException.
        public DataConnection Open() => new(dialect.Guard(() => _source.Value.OpenConnection()), dialect, name);

        public async Task<DataConnection> OpenAsync(CancellationToken ct) =>
            new(await dialect.GuardAsync(async () => await _source.Value.OpenConnectionAsync(ct).ConfigureAwait(false)).ConfigureAwait(false), dialect, name);

        public void Dispose()
        {
            if (_source.IsValueCreated) _source.Value.Dispose();
        }

        public async ValueTask DisposeAsync()
        {
            if (_source.IsValueCreated) await _source.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}
