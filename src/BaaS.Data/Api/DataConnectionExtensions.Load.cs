using System.Linq.Expressions;

namespace BaaS.Data;

public static partial class DataConnectionExtensions
{
    /// <summary>
    /// The matching rows with their <c>[Reference]</c> properties filled: one extra query per reference property, for
    /// all rows at once.
    /// </summary>
    public static List<T> LoadSelect<T>(this DataConnection db, Expression<Func<T, bool>>? where = null)
    {
        var rows = db.Select(where);
        Executor.Sync(LoadOps.LoadReferences(db, rows, false, default));
        return rows;
    }

    /// <inheritdoc cref="LoadSelect{T}(DataConnection, Expression{Func{T, bool}})"/>
    public static async Task<List<T>> LoadSelectAsync<T>(this DataConnection db, Expression<Func<T, bool>>? where = null, CancellationToken ct = default)
    {
        var rows = await db.SelectAsync(where, ct).ConfigureAwait(false);
        await LoadOps.LoadReferences(db, rows, Async(db), ct).ConfigureAwait(false);
        return rows;
    }

    /// <summary>The rows of a query with their <c>[Reference]</c> properties filled.</summary>
    public static List<T> LoadSelect<T>(this DataConnection db, SqlExpression<T> query)
    {
        var rows = db.Select(query);
        Executor.Sync(LoadOps.LoadReferences(db, rows, false, default));
        return rows;
    }

    /// <inheritdoc cref="LoadSelect{T}(DataConnection, SqlExpression{T})"/>
    public static async Task<List<T>> LoadSelectAsync<T>(this DataConnection db, SqlExpression<T> query, CancellationToken ct = default)
    {
        var rows = await db.SelectAsync(query, ct).ConfigureAwait(false);
        await LoadOps.LoadReferences(db, rows, Async(db), ct).ConfigureAwait(false);
        return rows;
    }

    /// <summary>The row with this key with its <c>[Reference]</c> properties filled, or null.</summary>
    public static T? LoadSingleById<T>(this DataConnection db, object id)
    {
        var row = db.SingleById<T>(id);
        if (row != null) Executor.Sync(LoadOps.LoadReferences(db, [row], false, default));
        return row;
    }

    /// <inheritdoc cref="LoadSingleById{T}(DataConnection, object)"/>
    public static async Task<T?> LoadSingleByIdAsync<T>(this DataConnection db, object id, CancellationToken ct = default)
    {
        var row = await db.SingleByIdAsync<T>(id, ct).ConfigureAwait(false);
        if (row != null) await LoadOps.LoadReferences(db, [row], Async(db), ct).ConfigureAwait(false);
        return row;
    }
}
