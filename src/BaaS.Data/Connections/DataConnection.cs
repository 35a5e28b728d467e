using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace BaaS.Data;

/// <summary>
/// An open connection that knows its database dialect, so the typed API (<c>db.Insert(...)</c>,
/// <c>db.Select&lt;T&gt;(...)</c>) works as extension methods on it. It wraps the driver's connection
/// (<see cref="Inner"/>), and every command created from it joins the transaction opened on it, so the typed API,
/// raw SQL and Dapper over this connection all run inside <c>db.OpenTransaction()</c> without passing it around.
/// </summary>
public sealed class DataConnection : DbConnection
{
    private DataTransaction? _transaction;

    /// <summary>Wraps an open (or closed) driver connection.</summary>
    /// <param name="inner">The driver's connection.</param>
    /// <param name="dialect">The dialect of its database.</param>
    /// <param name="name">The name it was registered under in the factory, or null for the default.</param>
    public DataConnection(DbConnection inner, DialectProvider dialect, string? name = null)
    {
        Inner = inner;
        Dialect = dialect;
        Name = name;
    }

    /// <summary>The driver's connection (e.g. for Dapper, or driver-specific features).</summary>
    public DbConnection Inner { get; }

    /// <summary>The database dialect.</summary>
    public DialectProvider Dialect { get; }

    /// <summary>The name this connection was registered under, or null for the default connection.</summary>
    public string? Name { get; }

    /// <summary>The transaction open on this connection, or null when there is none (or it has completed).</summary>
    public DataTransaction? Transaction => _transaction;

    internal void TransactionEnded(DataTransaction transaction)
    {
        if (ReferenceEquals(_transaction, transaction)) _transaction = null;
    }

    /// <summary>The last SQL statement this connection ran through the typed API (for error reports).</summary>
    public string? LastSql { get; internal set; }

    /// <summary>The last statement that the database rejected, or null (the migrator reports it; reset it to track a unit of work).</summary>
    public string? FailedSql { get; set; }

    internal bool RecordFailure(string sql)
    {
        FailedSql = sql;
        return true;
    }

    /// <summary>Begins a transaction that every later command on this connection joins until it completes.</summary>
    public DataTransaction OpenTransaction(IsolationLevel isolationLevel = IsolationLevel.Unspecified) =>
        (DataTransaction)BeginTransaction(isolationLevel);

    /// <summary>Begins a transaction that every later command on this connection joins until it completes.</summary>
    public async Task<DataTransaction> OpenTransactionAsync(CancellationToken cancellationToken = default) =>
        (DataTransaction)await BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    [AllowNull]
    public override string ConnectionString
    {
        get => Inner.ConnectionString;
        set => Inner.ConnectionString = value;
    }

    /// <inheritdoc />
    public override string Database => Inner.Database;

    /// <inheritdoc />
    public override string DataSource => Inner.DataSource;

    /// <inheritdoc />
    public override string ServerVersion => Inner.ServerVersion;

    /// <inheritdoc />
    public override ConnectionState State => Inner.State;

    /// <inheritdoc />
    public override void ChangeDatabase(string databaseName) => Inner.ChangeDatabase(databaseName);

    /// <inheritdoc />
    public override void Close() => Inner.Close();

    /// <inheritdoc />
    public override Task CloseAsync() => Inner.CloseAsync();

    /// <inheritdoc />
    public override void Open() => Inner.Open();

    /// <inheritdoc />
    public override Task OpenAsync(CancellationToken cancellationToken) => Inner.OpenAsync(cancellationToken);

    /// <inheritdoc />
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        if (_transaction != null) throw new InvalidOperationException("A transaction is already open on this connection; nested transactions are not supported.");
        var tx = new DataTransaction(this, Dialect.Guard(() => Inner.BeginTransaction(isolationLevel)));
        _transaction = tx;
        return tx;
    }

    /// <inheritdoc />
    protected override async ValueTask<DbTransaction> BeginDbTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken)
    {
        if (_transaction != null) throw new InvalidOperationException("A transaction is already open on this connection; nested transactions are not supported.");
        var tx = new DataTransaction(this,
            await Dialect.GuardAsync(async () => await Inner.BeginTransactionAsync(isolationLevel, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false));
        _transaction = tx;
        return tx;
    }

    /// <summary>Creates a command on the driver's connection, enlisted in the open transaction if there is one.</summary>
    protected override DbCommand CreateDbCommand()
    {
        var command = Inner.CreateCommand();
        command.Transaction = _transaction?.Inner;
        return command;
    }

    /// <summary>Whether the driver runs several statements as one <see cref="DbBatch"/> (Npgsql does; Microsoft.Data.Sqlite does not).</summary>
    public override bool CanCreateBatch => Inner.CanCreateBatch;

    /// <summary>Creates a batch on the driver's connection, enlisted in the open transaction if there is one.</summary>
    protected override DbBatch CreateDbBatch()
    {
        var batch = Inner.CreateBatch();
        batch.Transaction = _transaction?.Inner;
        return batch;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _transaction?.Dispose();
            _transaction = null;
            Inner.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        if (_transaction != null) await _transaction.DisposeAsync().ConfigureAwait(false);
        _transaction = null;
        await Inner.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
