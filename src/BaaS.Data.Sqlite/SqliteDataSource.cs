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
public sealed class SqliteDataSource : DbDataSource, IHasWriteGate
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
    public int BusyTimeoutMilliseconds
    {
        get => _busyTimeout;
        init
        {
            _busyTimeout = value;
            _writeGate = new WriteGate(TimeSpan.FromMilliseconds(value), InRawTransaction);
        }
    }

    private readonly int _busyTimeout = 5000;
    private readonly WriteGate _writeGate = new(TimeSpan.FromMilliseconds(5000), InRawTransaction);

    // SQLite leaves autocommit mode inside any transaction, however it was begun.
    private static bool InRawTransaction(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;

    /// <summary>
    /// SQLite takes one writer at a time: this process's writers (transactions, and write statements outside one) queue
    /// here and go in as soon as the one before finishes, instead of sleeping in SQLite's busy handler and retrying.
    /// </summary>
    public WriteGate WriteGate => _writeGate;

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
