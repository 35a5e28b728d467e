namespace BaaS.Data;

public abstract partial class DialectProvider
{
    /// <summary>
    /// Inserts prepared rows (keys filled, row versions started) inside the connection's open transaction, the cheapest
    /// way this database has: by default one prepared single-row INSERT rebound per row. Returns the rows inserted.
    /// See <see cref="DataConnectionExtensions.BulkInsertAsync{T}"/>.
    /// </summary>
    internal virtual ValueTask<int> BulkInsert<T>(DataConnection db, ModelPlan<T> plan, IReadOnlyList<T> rows, bool async, CancellationToken ct) =>
        WriteOps.PreparedRows(db, plan, rows, async, ct);
}
