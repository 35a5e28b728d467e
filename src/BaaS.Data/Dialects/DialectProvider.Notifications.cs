namespace BaaS.Data;

public abstract partial class DialectProvider
{
    /// <summary>
    /// Whether the database can wake other connections when something happened (PostgreSQL's <c>LISTEN</c>/<c>NOTIFY</c>):
    /// then <see cref="NotifySql(string)"/> and <see cref="ListenAsync"/> work. False for SQLite. The same as
    /// <see cref="DialectCapabilities.Notifications"/> of <see cref="Capabilities"/>.
    /// </summary>
    public bool SupportsNotifications => Capabilities.Notifications;

    /// <summary>
    /// A SQL expression that, evaluated in a statement, tells every connection listening on <paramref name="channel"/>
    /// once the statement's transaction commits (nothing if it rolls back): <c>pg_notify('baas_jobs', '')</c>.
    /// </summary>
    /// <exception cref="NotSupportedException">The database has no notifications.</exception>
    public virtual string NotifySql(string channel) =>
        throw new NotSupportedException($"{Name} has no notifications between connections.");

    /// <summary>
    /// Listens on <paramref name="channel"/> over <paramref name="db"/> (a connection given to this alone) and calls
    /// <paramref name="onNotification"/> with null once as soon as it listens (what happened before went unheard: look
    /// now), then with each notification's payload, in commit order, until <paramref name="cancellationToken"/> is cancelled
    /// (then it throws <see cref="OperationCanceledException"/>) or the connection fails (then it throws that error).
    /// </summary>
    /// <exception cref="NotSupportedException">The database has no notifications.</exception>
    public virtual Task ListenAsync(DataConnection db, string channel, Action<string?> onNotification, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Name} has no notifications between connections.");

    /// <summary>
    /// The most bytes one notification's payload may hold (PostgreSQL: 7999, its limit being under 8000); 0 when the
    /// database has no notifications.
    /// </summary>
    public virtual int MaxNotificationBytes => 0;

    /// <summary>
    /// A SQL expression that notifies <paramref name="channel"/> with the text of parameter
    /// <paramref name="payloadParameter"/> once the statement's transaction commits: <c>pg_notify('baas_events', @payload)</c>.
    /// </summary>
    /// <exception cref="NotSupportedException">The database has no notifications.</exception>
    public virtual string NotifySql(string channel, string payloadParameter) =>
        throw new NotSupportedException($"{Name} has no notifications between connections.");

    /// <summary>
    /// A statement that creates the counter <paramref name="sequence"/> (shared by every connection, never giving a
    /// value twice) unless it exists: <c>CREATE SEQUENCE IF NOT EXISTS "baas_server_event_id"</c>.
    /// </summary>
    /// <exception cref="NotSupportedException">The database has no sequences (SQLite).</exception>
    public virtual string CreateSequenceSql(string sequence) =>
        throw new NotSupportedException($"{Name} has no sequences.");

    /// <summary>A query answering the next value of <paramref name="sequence"/>: <c>SELECT nextval('"baas_server_event_id"')</c>.</summary>
    /// <exception cref="NotSupportedException">The database has no sequences (SQLite).</exception>
    public virtual string NextSequenceValueSql(string sequence) =>
        throw new NotSupportedException($"{Name} has no sequences.");
}
