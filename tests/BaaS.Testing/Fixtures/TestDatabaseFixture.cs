using BaaS.Data;

namespace BaaS.Testing;

/// <summary>
/// One <see cref="TestDatabase"/> and a connection factory on it, shared by the tests of a class or a collection: the
/// base of a behaviour suite written once and run per engine (a subclass per <see cref="TestDatabaseKind"/>).
/// </summary>
public abstract class TestDatabaseFixture(TestDatabaseKind kind, string prefix = "baas_tests") : IAsyncLifetime
{
    private TestDatabase? _database;
    private DbConnectionFactory? _factory;

    /// <summary>Which engine.</summary>
    public TestDatabaseKind Kind { get; } = kind;

    /// <summary>The database.</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("The database is not created yet.");

    /// <summary>A factory on the database, shared by the tests.</summary>
    public DbConnectionFactory Factory => _factory ?? throw new InvalidOperationException("The database is not created yet.");

    /// <summary>The database's dialect.</summary>
    public DialectProvider Dialect => Factory.Dialect;

    /// <summary>True on PostgreSQL.</summary>
    public bool IsPostgres => Kind == TestDatabaseKind.PostgreSql;

    /// <summary>Opens a connection.</summary>
    public DataConnection Open() => Factory.Open();

    /// <summary>Opens a connection.</summary>
    public Task<DataConnection> OpenAsync() => Factory.OpenAsync();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Kind, prefix);
        _factory = _database.CreateFactory();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
