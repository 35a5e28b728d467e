namespace BaaS.Data;

public static partial class DataConnectionExtensions
{
    /// <summary>
    /// A page of a query's rows and the count of all the rows it matches (as <c>Count(query)</c>: without its Skip/Take
    /// and order), sent to the database together: one round trip on PostgreSQL (a batch of the two statements), one
    /// command on SQLite. The same answer as <c>Select(query)</c> then <c>Count(query)</c>, for one wait instead of two.
    /// </summary>
    public static RowsWithTotal<T> SelectWithTotal<T>(this DataConnection db, SqlExpression<T> query) =>
        ToResult(Executor.Sync(ReadOps.SelectWithTotal<T>(db, query, false, default)));

    /// <inheritdoc cref="SelectWithTotal{T}(DataConnection, SqlExpression{T})"/>
    public static async Task<RowsWithTotal<T>> SelectWithTotalAsync<T>(this DataConnection db, SqlExpression<T> query, CancellationToken ct = default) =>
        ToResult(await ReadOps.SelectWithTotal<T>(db, query, Async(db), ct).ConfigureAwait(false));

    /// <summary>
    /// A page of a query's rows read as <typeparamref name="TInto"/> (matched by name as <c>Select&lt;TInto&gt;</c> does)
    /// and the count of all the rows the query matches, in one round trip.
    /// </summary>
    public static RowsWithTotal<TInto> SelectWithTotal<TInto>(this DataConnection db, SqlExpression query) =>
        ToResult(Executor.Sync(ReadOps.SelectWithTotal<TInto>(db, query, false, default)));

    /// <inheritdoc cref="SelectWithTotal{TInto}(DataConnection, SqlExpression)"/>
    public static async Task<RowsWithTotal<TInto>> SelectWithTotalAsync<TInto>(this DataConnection db, SqlExpression query, CancellationToken ct = default) =>
        ToResult(await ReadOps.SelectWithTotal<TInto>(db, query, Async(db), ct).ConfigureAwait(false));

    /// <summary>
    /// <see cref="SelectWithTotal{T}(DataConnection, SqlExpression{T})"/> with the rows' <c>[Reference]</c> properties
    /// filled: the page and its total in one round trip, then one query per reference property for the page's rows
    /// (none when the page is empty).
    /// </summary>
    public static RowsWithTotal<T> LoadSelectWithTotal<T>(this DataConnection db, SqlExpression<T> query)
    {
        var result = db.SelectWithTotal(query);
        Executor.Sync(LoadOps.LoadReferences(db, result.Rows, false, default));
        return result;
    }

    /// <inheritdoc cref="LoadSelectWithTotal{T}(DataConnection, SqlExpression{T})"/>
    public static async Task<RowsWithTotal<T>> LoadSelectWithTotalAsync<T>(this DataConnection db, SqlExpression<T> query, CancellationToken ct = default)
    {
        var result = await db.SelectWithTotalAsync(query, ct).ConfigureAwait(false);
        await LoadOps.LoadReferences(db, result.Rows, Async(db), ct).ConfigureAwait(false);
        return result;
    }

    private static RowsWithTotal<T> ToResult<T>((List<T> Rows, long Total) page) => new(page.Rows, page.Total);
}
