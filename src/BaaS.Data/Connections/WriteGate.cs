namespace BaaS.Data;

/// <summary>
/// Lets one writer at a time into a database whose engine takes one writer at a time (SQLite): a transaction holds it
/// from its start to its end, and a write statement outside a transaction holds it while it runs. Writers of this
/// process then queue here and go in the moment the previous one finishes, instead of finding the file locked and
/// sleeping in SQLite's busy handler (1, 2, 5, 10 ... ms between tries), which is what made the slowest writes slow.
/// Reads never take it. Writers in other processes are still met by the busy timeout, as before.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Func<System.Data.Common.DbConnection, bool>? _inTransaction;

    /// <summary>Creates a gate whose waiters give up after <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long a writer waits.</param>
    /// <param name="inTransaction">
    /// Whether a driver connection is inside a transaction it began itself (raw <c>BEGIN</c>): its writes then skip the
    /// gate, since that transaction already holds the database's write lock.
    /// </param>
    public WriteGate(TimeSpan timeout, Func<System.Data.Common.DbConnection, bool>? inTransaction = null)
    {
        Timeout = timeout;
        _inTransaction = inTransaction;
    }

    internal bool InTransaction(System.Data.Common.DbConnection connection) => _inTransaction?.Invoke(connection) == true;

    /// <summary>
    /// How long a writer waits for the one before it; then it fails as a database that stayed locked does
    /// (<see cref="DatabaseUnavailableException"/>, HTTP 503). The SQLite source uses its busy timeout.
    /// </summary>
    public TimeSpan Timeout { get; }

    internal async ValueTask EnterAsync(bool async, CancellationToken ct)
    {
        var entered = async ? await _gate.WaitAsync(Timeout, ct).ConfigureAwait(false) : _gate.Wait(Timeout, ct);
        if (!entered)
            throw new DatabaseUnavailableException(
                $"The database stayed locked by another write of this process for {Timeout.TotalSeconds:0.#} s.", null);
    }

    internal void Exit() => _gate.Release();
}

/// <summary>A connection source whose database takes one writer at a time, and the gate its writers queue at.</summary>
public interface IHasWriteGate
{
    /// <summary>The gate every <see cref="DataConnection"/> opened from this source shares.</summary>
    WriteGate WriteGate { get; }
}
