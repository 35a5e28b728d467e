using System.Linq.Expressions;

namespace BaaS.Data;

public static partial class DataConnectionExtensions
{
    /// <summary>Starts a query over <typeparamref name="T"/> for this connection's dialect.</summary>
    public static SqlExpression<T> From<T>(this DataConnection db) => new(db.Dialect);

    /// <summary>The rows matching <paramref name="where"/> (all rows when null).</summary>
    public static List<T> Select<T>(this DataConnection db, Expression<Func<T, bool>>? where = null) =>
        Executor.Sync(ReadOps.Select(db, where, false, default));

    /// <summary>The rows matching <paramref name="where"/> (all rows when null).</summary>
    public static Task<List<T>> SelectAsync<T>(this DataConnection db, Expression<Func<T, bool>>? where = null, CancellationToken ct = default) =>
        ReadOps.Select(db, where, Async(db), ct).AsTask();

    /// <summary>The rows of a query.</summary>
    public static List<T> Select<T>(this DataConnection db, SqlExpression<T> query) => Executor.Sync(ReadOps.Select<T>(db, query, false, default));

    /// <summary>The rows of a query.</summary>
    public static Task<List<T>> SelectAsync<T>(this DataConnection db, SqlExpression<T> query, CancellationToken ct = default) =>
        ReadOps.Select<T>(db, query, Async(db), ct).AsTask();

    /// <summary>
    /// The rows of a query read as <typeparamref name="TInto"/>: its fields are matched by name to the selected
    /// columns, or, without a select list, to the columns of the query's tables (<c>CustomerName</c> = Customer.Name).
    /// </summary>
    public static List<TInto> Select<TInto>(this DataConnection db, SqlExpression query) => Executor.Sync(ReadOps.Select<TInto>(db, query, false, default));

    /// <inheritdoc cref="Select{TInto}(DataConnection, SqlExpression)"/>
    public static Task<List<TInto>> SelectAsync<TInto>(this DataConnection db, SqlExpression query, CancellationToken ct = default) =>
        ReadOps.Select<TInto>(db, query, Async(db), ct).AsTask();

    /// <summary>The first row matching <paramref name="where"/>, or null.</summary>
    public static T? Single<T>(this DataConnection db, Expression<Func<T, bool>> where) => Executor.Sync(ReadOps.Single(db, where, false, default));

    /// <summary>The first row matching <paramref name="where"/>, or null.</summary>
    public static Task<T?> SingleAsync<T>(this DataConnection db, Expression<Func<T, bool>> where, CancellationToken ct = default) =>
        ReadOps.Single(db, where, Async(db), ct).AsTask();

    /// <summary>The first row of a query, or null.</summary>
    public static T? Single<T>(this DataConnection db, SqlExpression<T> query) => Executor.Sync(ReadOps.Single<T>(db, query, false, default));

    /// <summary>The first row of a query, or null.</summary>
    public static Task<T?> SingleAsync<T>(this DataConnection db, SqlExpression<T> query, CancellationToken ct = default) =>
        ReadOps.Single<T>(db, query, Async(db), ct).AsTask();

    /// <summary>The row with this primary key, or null. The key is converted to the key's type (a string "5" works for an int key).</summary>
    public static T? SingleById<T>(this DataConnection db, object id) => Executor.Sync(ReadOps.SingleById<T>(db, id, false, default));

    /// <summary>The row with this primary key, or null.</summary>
    public static Task<T?> SingleByIdAsync<T>(this DataConnection db, object id, CancellationToken ct = default) =>
        ReadOps.SingleById<T>(db, id, Async(db), ct).AsTask();

    /// <summary>The number of rows matching <paramref name="where"/> (all rows when null).</summary>
    public static long Count<T>(this DataConnection db, Expression<Func<T, bool>>? where = null) => Executor.Sync(ReadOps.Count(db, where, false, default));

    /// <summary>The number of rows matching <paramref name="where"/> (all rows when null).</summary>
    public static Task<long> CountAsync<T>(this DataConnection db, Expression<Func<T, bool>>? where = null, CancellationToken ct = default) =>
        ReadOps.Count(db, where, Async(db), ct).AsTask();

    /// <summary>The number of rows a query matches, ignoring its Skip/Take and order (the total for a page).</summary>
    public static long Count(this DataConnection db, SqlExpression query) => Executor.Sync(ReadOps.Count(db, query, false, default));

    /// <summary>The number of rows a query matches, ignoring its Skip/Take and order (the total for a page).</summary>
    public static Task<long> CountAsync(this DataConnection db, SqlExpression query, CancellationToken ct = default) =>
        ReadOps.Count(db, query, Async(db), ct).AsTask();

    /// <summary>Whether any row matches <paramref name="where"/>.</summary>
    public static bool Exists<T>(this DataConnection db, Expression<Func<T, bool>> where) => Executor.Sync(ReadOps.Exists(db, where, false, default));

    /// <summary>Whether any row matches <paramref name="where"/>.</summary>
    public static Task<bool> ExistsAsync<T>(this DataConnection db, Expression<Func<T, bool>> where, CancellationToken ct = default) =>
        ReadOps.Exists(db, where, Async(db), ct).AsTask();

    /// <summary>Whether a query matches any row.</summary>
    public static bool Exists(this DataConnection db, SqlExpression query) => Executor.Sync(ReadOps.Exists(db, query, false, default));

    /// <summary>Whether a query matches any row.</summary>
    public static Task<bool> ExistsAsync(this DataConnection db, SqlExpression query, CancellationToken ct = default) =>
        ReadOps.Exists(db, query, Async(db), ct).AsTask();

    /// <summary>One value over the matching rows: <c>db.Scalar&lt;Order, decimal&gt;(x =&gt; Sql.Max(x.Total))</c>.</summary>
    public static TResult Scalar<T, TResult>(this DataConnection db, Expression<Func<T, TResult>> column, Expression<Func<T, bool>>? where = null) =>
        Executor.Sync(ReadOps.Scalar(db, column, where, false, default));

    /// <summary>One value over the matching rows: <c>db.ScalarAsync&lt;Order, decimal&gt;(x =&gt; Sql.Max(x.Total))</c>.</summary>
    public static Task<TResult> ScalarAsync<T, TResult>(this DataConnection db, Expression<Func<T, TResult>> column,
        Expression<Func<T, bool>>? where = null, CancellationToken ct = default) =>
        ReadOps.Scalar(db, column, where, Async(db), ct).AsTask();

    /// <summary>The first column of the first row of a query (e.g. one with <c>Select(x =&gt; Sql.Sum(x.Total))</c>).</summary>
    public static TResult Scalar<TResult>(this DataConnection db, SqlExpression query) => Executor.Sync(ReadOps.Scalar<TResult>(db, query, false, default));

    /// <summary>The first column of the first row of a query.</summary>
    public static Task<TResult> ScalarAsync<TResult>(this DataConnection db, SqlExpression query, CancellationToken ct = default) =>
        ReadOps.Scalar<TResult>(db, query, Async(db), ct).AsTask();

    /// <summary>The first column of every row of a query: <c>db.Column&lt;string&gt;(db.From&lt;Order&gt;().Select(x =&gt; x.Name))</c>.</summary>
    public static List<TResult> Column<TResult>(this DataConnection db, SqlExpression query) => Executor.Sync(ReadOps.Column<TResult>(db, query, false, default));

    /// <summary>The first column of every row of a query.</summary>
    public static Task<List<TResult>> ColumnAsync<TResult>(this DataConnection db, SqlExpression query, CancellationToken ct = default) =>
        ReadOps.Column<TResult>(db, query, Async(db), ct).AsTask();

    /// <summary>The first two columns of a query as a dictionary (later rows win on duplicate keys).</summary>
    public static Dictionary<TKey, TValue> Dictionary<TKey, TValue>(this DataConnection db, SqlExpression query) where TKey : notnull =>
        Executor.Sync(ReadOps.Dictionary<TKey, TValue>(db, query, false, default));

    /// <summary>The first two columns of a query as a dictionary (later rows win on duplicate keys).</summary>
    public static Task<Dictionary<TKey, TValue>> DictionaryAsync<TKey, TValue>(this DataConnection db, SqlExpression query,
        CancellationToken ct = default) where TKey : notnull =>
        ReadOps.Dictionary<TKey, TValue>(db, query, Async(db), ct).AsTask();

    /// <summary>
    /// Aggregates over the rows a query matches (its conditions and joins; not its paging, order or grouping), keyed by
    /// <see cref="AggregateSpec.Label"/>: <c>{ "Count(*)": 12L, "Sum(Total)": 340.5m }</c>. Counts are long, sums of
    /// integers long, averages double (decimal for decimal fields), others the field's type; null over no rows.
    /// </summary>
    public static Dictionary<string, object?> Aggregate(this DataConnection db, SqlExpression query, IReadOnlyList<AggregateSpec> aggregates) =>
        Executor.Sync(ReadOps.Aggregate(db, query, aggregates, false, default));

    /// <inheritdoc cref="Aggregate(DataConnection, SqlExpression, IReadOnlyList{AggregateSpec})"/>
    public static Task<Dictionary<string, object?>> AggregateAsync(this DataConnection db, SqlExpression query,
        IReadOnlyList<AggregateSpec> aggregates, CancellationToken ct = default) =>
        ReadOps.Aggregate(db, query, aggregates, Async(db), ct).AsTask();
}
