using BaaS.Data;

namespace BaaS.Jobs;

internal sealed partial class JobSql
{
    /// <summary>
    /// Checks that <paramref name="dialect"/> can hold the job store, so that a database it cannot run on fails at
    /// startup naming what is missing, rather than with a SQL error at the first claim (see <see cref="Require(string, DialectCapabilities)"/>).
    /// </summary>
    /// <exception cref="NotSupportedException">The dialect lacks a capability; the message names it.</exception>
    public static void Require(DialectProvider dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        Require(dialect.Name, dialect.Capabilities);
    }

    /// <summary>
    /// The capabilities the job store needs. Every database: <see cref="DialectCapabilities.Returning"/>. Then either
    /// row locks (<see cref="DialectCapabilities.SkipLocked"/>, with <see cref="DialectCapabilities.ArrayParameters"/>
    /// for batched completions and <see cref="DialectCapabilities.AdvisoryLocks"/> for schema changes between nodes),
    /// or a single writer (<see cref="DialectCapabilities.SerializesWrites"/>, with <see cref="DialectCapabilities.JsonEach"/>
    /// for lists of ids). With neither, two nodes could claim the same job.
    /// </summary>
    /// <exception cref="NotSupportedException">A capability is missing; the message names it.</exception>
    public static void Require(string database, DialectCapabilities can)
    {
        var missing = new List<string>();
        if (!can.Returning) missing.Add($"{nameof(can.Returning)} (INSERT/UPDATE ... RETURNING)");
        if (can.SkipLocked)
        {
            if (!can.ArrayParameters) missing.Add($"{nameof(can.ArrayParameters)} (batched completions, with row locks)");
            if (!can.AdvisoryLocks) missing.Add($"{nameof(can.AdvisoryLocks)} (schema changes between nodes, with row locks)");
        }
        else if (can.SerializesWrites)
        {
            if (!can.JsonEach) missing.Add($"{nameof(can.JsonEach)} (lists of ids, with a single writer)");
        }
        else
        {
            missing.Add($"{nameof(can.SkipLocked)} or {nameof(can.SerializesWrites)} (without row locks or a single writer, two nodes could claim the same job)");
        }
        if (missing.Count > 0)
            throw new NotSupportedException(
                $"BaaS.Jobs cannot keep its jobs in {database}: the dialect lacks the capability {string.Join(", and ", missing)} " +
                $"(it has: {can}). Give the jobs a database that has it (SQLite or PostgreSQL) with options.UseDatabase(connectionString, dialect).");
    }
}
