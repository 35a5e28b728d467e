using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace BaaS.Data.Sqlite;

/// <summary>
/// Connections to one SQLite database, each prepared the same way: foreign keys enforced, a busy timeout so
/// writers wait for each other instead of failing, WAL journaling for files (set once, it persists in the file),
/// and the functions BaaS.Data relies on (exact decimal comparison, sums and additions; Unicode case folding).
/// Microsoft.Data.Sqlite pools the underlying handles itself.
/// </summary>
public sealed class SqliteDataSource : DbDataSource
{
    private readonly string _connectionString;
    private readonly bool _isFile;
    private int _walDone;

    /// <summary>Creates the source for a Microsoft.Data.Sqlite connection string.</summary>
    public SqliteDataSource(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true };
        _connectionString = builder.ToString();
        _isFile = builder.Mode != SqliteOpenMode.Memory && builder.DataSource is not ("" or ":memory:");
    }

    /// <inheritdoc />
    public override string ConnectionString => _connectionString;

    /// <summary>How long a statement waits for another connection's write lock, in milliseconds.</summary>
    public int BusyTimeoutMilliseconds { get; init; } = 5000;

    /// <inheritdoc />
    protected override DbConnection CreateDbConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        // Pragmas and BaaS's functions belong to the native handle, which Microsoft.Data.Sqlite pools and hands to the
        // next connection object: they are set once per handle, when a connection first opens on it, not on every open.
        connection.StateChange += OnStateChange;
        return connection;
    }

    // The native handles already prepared; weak, so a handle the pool closes leaves with its entry.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _prepared = new();

    private void OnStateChange(object sender, StateChangeEventArgs e)
    {
        if (e.CurrentState != ConnectionState.Open || sender is not SqliteConnection connection) return;
        var handle = connection.Handle;
        if (handle is not null && _prepared.TryGetValue(handle, out _)) return;
        using var command = connection.CreateCommand();
        if (_isFile && Interlocked.Exchange(ref _walDone, 1) == 0)
        {
            command.CommandText = "PRAGMA journal_mode = WAL";
            command.ExecuteNonQuery();
        }
        // NORMAL is durable in WAL mode except for the last commits before a power loss, and much faster than FULL.
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL";
        command.ExecuteNonQuery();
        SqliteFunctions.Register(connection);
        if (handle is not null) _prepared.AddOrUpdate(handle, handle);
    }
}
