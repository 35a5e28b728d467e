namespace BaaS.Data.PostgreSQL;

public sealed partial class PostgreSqlDialect
{
    private static readonly DialectCapabilities PostgreSqlCapabilities = new()
    {
        Returning = true,
        SkipLocked = true,
        ArrayParameters = true, // Npgsql sends .NET arrays as PostgreSQL arrays
        AdvisoryLocks = true,
        Notifications = true,
    };

    /// <summary>
    /// RETURNING, row locks with <c>SKIP LOCKED</c> (any number of nodes share one queue), array parameters, advisory
    /// locks and <c>LISTEN</c>/<c>NOTIFY</c>. Not a single writer, and no <c>json_each</c>.
    /// </summary>
    public override DialectCapabilities Capabilities => PostgreSqlCapabilities;

    /// <inheritdoc />
    public override string AdvisoryTransactionLockSql(string keyParameter) => $"SELECT pg_advisory_xact_lock(@{keyParameter})";

    /// <summary>
    /// Turns off sorts and bitmap scans for the rest of the transaction, which leaves the planner walking the index in
    /// order (measured on a queue of 15,000 jobs with stale statistics: 2 ms a claim against 10-300 ms).
    /// </summary>
    public override string PreferIndexOrderSql => "SET LOCAL enable_sort = off;\nSET LOCAL enable_bitmapscan = off;\n";

    /// <summary><c>to_char("completed_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')</c> (the column is a <c>timestamptz</c>).</summary>
    public override string UtcMinuteText(string columnSql) => $"to_char({columnSql} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')";
}
