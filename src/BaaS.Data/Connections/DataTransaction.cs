using System.Data;
using System.Data.Common;

namespace BaaS.Data;

/// <summary>
/// A transaction begun on a <see cref="DataConnection"/>: while it is open, every command created from that
/// connection joins it. Committing, rolling back or disposing it ends that. Disposing without committing rolls back.
/// For driver-level code (Dapper over <see cref="DataConnection.Inner"/>), pass <see cref="Inner"/>.
/// </summary>
public sealed class DataTransaction : DbTransaction
{
    private readonly DataConnection _connection;
    private bool _completed;
    private List<Action>? _afterCommit;

    internal DataTransaction(DataConnection connection, DbTransaction inner)
    {
        _connection = connection;
        Inner = inner;
    }

    /// <summary>The driver's transaction.</summary>
    public DbTransaction Inner { get; }

    /// <summary>Whether it was committed, rolled back or disposed.</summary>
    public bool IsCompleted => _completed;

    /// <inheritdoc />
    public override IsolationLevel IsolationLevel => Inner.IsolationLevel;

    /// <inheritdoc />
    protected override DbConnection? DbConnection => _completed ? null : _connection;

    /// <summary>
    /// Runs <paramref name="callback"/> once this transaction has committed (never when it rolls back or is disposed
    /// uncommitted): the place to signal other code that what the transaction wrote now exists, e.g. to wake whatever
    /// moves rows written in it. Callbacks run in the order registered, on the committing thread, and must be quick.
    /// </summary>
    /// <exception cref="InvalidOperationException">The transaction has already completed.</exception>
    public void OnCommitted(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (_completed) throw new InvalidOperationException("The transaction has already completed: register OnCommitted before committing.");
        (_afterCommit ??= []).Add(callback);
    }

    /// <inheritdoc />
    public override void Commit()
    {
        // A connection lost while committing: the client gets a 503 (the write was not acknowledged).
        _connection.Dialect.Guard(() =>
        {
            Inner.Commit();
            return true;
        });
        Complete();
        RunAfterCommit();
    }

    /// <inheritdoc />
    public override async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await _connection.Dialect.GuardAsync(async () =>
        {
            await Inner.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
        Complete();
        RunAfterCommit();
    }

    private void RunAfterCommit()
    {
        var callbacks = _afterCommit;
        _afterCommit = null;
        if (callbacks is null) return;
        foreach (var callback in callbacks) callback();
    }

    /// <inheritdoc />
    public override void Rollback()
    {
        try
        {
            Inner.Rollback();
        }
        finally
        {
            Complete();
        }
    }

    /// <inheritdoc />
    public override async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await Inner.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Complete();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
            Complete();
        }
        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync().ConfigureAwait(false);
        Complete();
        GC.SuppressFinalize(this);
    }

    private void Complete()
    {
        _completed = true;
        _connection.TransactionEnded(this);
    }
}
