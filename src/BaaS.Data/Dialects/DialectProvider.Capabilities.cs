namespace BaaS.Data;

public abstract partial class DialectProvider
{
    /// <summary>
    /// What this database can do beyond the common SQL (<see cref="DialectCapabilities"/>). Code that needs a capability
    /// checks it here, never the dialect's <see cref="Name"/>. Default: <see cref="DialectCapabilities.None"/>.
    /// </summary>
    public virtual DialectCapabilities Capabilities => DialectCapabilities.None;

    /// <summary>
    /// The statement that takes the advisory lock whose number is the parameter <paramref name="keyParameter"/> until
    /// the transaction ends: <c>SELECT pg_advisory_xact_lock(@key)</c>.
    /// </summary>
    /// <exception cref="NotSupportedException">The database has no advisory locks (<see cref="DialectCapabilities.AdvisoryLocks"/>).</exception>
    public virtual string AdvisoryTransactionLockSql(string keyParameter) =>
        throw new NotSupportedException($"{Name} has no advisory locks.");

    /// <summary>
    /// Statements to run first in a transaction so that its next statement reads an index in order and stops early
    /// instead of sorting every matching row (a queue's head, read often while the planner's statistics lag behind the
    /// queue): <c>SET LOCAL enable_sort = off;</c>. Empty when the database needs no such hint.
    /// </summary>
    public virtual string PreferIndexOrderSql => "";

    /// <summary>
    /// An expression giving the UTC minute of the date column <paramref name="columnSql"/> as text
    /// <c>yyyy-MM-dd HH:mm</c>, for grouping by minute: <c>substr("completed_at", 1, 16)</c>.
    /// </summary>
    public abstract string UtcMinuteText(string columnSql);
}
