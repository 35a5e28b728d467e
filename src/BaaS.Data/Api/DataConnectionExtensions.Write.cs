using System.Collections;
using System.Linq.Expressions;

namespace BaaS.Data;

public static partial class DataConnectionExtensions
{
    /// <summary>
    /// Inserts a row. An <c>[AutoIncrement]</c> key is read back (<c>RETURNING</c>), set on the object and returned;
    /// an empty <c>[AutoId]</c> is filled first; a <c>[RowVersion]</c> starts at 1. Otherwise returns the rows inserted (1).
    /// </summary>
    public static long Insert<T>(this DataConnection db, T row) => Executor.Sync(WriteOps.Insert(db, row, false, default));

    /// <inheritdoc cref="Insert{T}(DataConnection, T)"/>
    public static Task<long> InsertAsync<T>(this DataConnection db, T row, CancellationToken ct = default) =>
        WriteOps.Insert(db, row, Async(db), ct).AsTask();

    /// <summary>
    /// Inserts many rows in one transaction (the open one, or its own), batched into multi-row INSERTs. Auto-increment
    /// keys are not read back (use Insert per row when you need them); [AutoId] keys are filled. Returns the rows inserted.
    /// </summary>
    public static int InsertAll<T>(this DataConnection db, IEnumerable<T> rows) => Executor.Sync(WriteOps.InsertAll(db, rows, false, default));

    /// <inheritdoc cref="InsertAll{T}(DataConnection, IEnumerable{T})"/>
    public static Task<int> InsertAllAsync<T>(this DataConnection db, IEnumerable<T> rows, CancellationToken ct = default) =>
        WriteOps.InsertAll(db, rows, Async(db), ct).AsTask();

    /// <summary>
    /// Inserts many rows the cheapest way the database has, for imports, logs and other rows written in bulk: PostgreSQL's
    /// binary <c>COPY ... FROM STDIN</c> (no SQL per row, no parameters), elsewhere one prepared single-row INSERT rebound
    /// per row. In one transaction (the open one, or its own): all the rows or none. As with <see cref="InsertAll{T}"/>,
    /// auto-increment keys are not read back and [AutoId] keys are filled; unlike it, a row that breaks a constraint
    /// fails the whole COPY on PostgreSQL (the error names the constraint, not the row). Returns the rows inserted.
    /// </summary>
    public static int BulkInsert<T>(this DataConnection db, IEnumerable<T> rows) => Executor.Sync(WriteOps.BulkInsert(db, rows, false, default));

    /// <inheritdoc cref="BulkInsert{T}(DataConnection, IEnumerable{T})"/>
    public static Task<int> BulkInsertAsync<T>(this DataConnection db, IEnumerable<T> rows, CancellationToken ct = default) =>
        WriteOps.BulkInsert(db, rows, Async(db), ct).AsTask();

    /// <summary>
    /// Updates every column of the row with the object's key. With a <c>[RowVersion]</c>, only if the stored version
    /// still equals the object's (then both move on by one); otherwise throws <see cref="OptimisticConcurrencyException"/>.
    /// Returns the rows updated (0 when no row has the key).
    /// </summary>
    public static int Update<T>(this DataConnection db, T row) => Executor.Sync(WriteOps.Update(db, row, false, default));

    /// <inheritdoc cref="Update{T}(DataConnection, T)"/>
    public static Task<int> UpdateAsync<T>(this DataConnection db, T row, CancellationToken ct = default) =>
        WriteOps.Update(db, row, Async(db), ct).AsTask();

    /// <summary>Sets every non-key column of the matching rows to the object's values. Returns the rows updated.</summary>
    public static int Update<T>(this DataConnection db, T row, Expression<Func<T, bool>> where) =>
        Executor.Sync(UpdateOps.UpdateWhere(db, row, where, false, default));

    /// <inheritdoc cref="Update{T}(DataConnection, T, Expression{Func{T, bool}})"/>
    public static Task<int> UpdateAsync<T>(this DataConnection db, T row, Expression<Func<T, bool>> where, CancellationToken ct = default) =>
        UpdateOps.UpdateWhere(db, row, where, Async(db), ct).AsTask();

    /// <summary>
    /// Sets only the assigned fields of the matching rows (all rows when <paramref name="where"/> is null):
    /// <c>db.UpdateOnly(() =&gt; new Order { Status = OrderStatus.Shipped }, where: x =&gt; x.Id == id)</c>.
    /// Returns the rows updated.
    /// </summary>
    public static int UpdateOnly<T>(this DataConnection db, Expression<Func<T>> fields, Expression<Func<T, bool>>? where = null) =>
        Executor.Sync(UpdateOps.Run(db, ModelPlan<T>.For(db.Dialect), UpdateOps.Assignments(fields), false, where, default, false, default));

    /// <inheritdoc cref="UpdateOnly{T}(DataConnection, Expression{Func{T}}, Expression{Func{T, bool}})"/>
    public static Task<int> UpdateOnlyAsync<T>(this DataConnection db, Expression<Func<T>> fields, Expression<Func<T, bool>>? where = null,
        CancellationToken ct = default) =>
        UpdateOps.Run(db, ModelPlan<T>.For(db.Dialect), UpdateOps.Assignments(fields), false, where, default, Async(db), ct).AsTask();

    /// <summary>
    /// Sets only the named fields (C# names, validated) to the object's values: of the matching rows, or, with no
    /// <paramref name="where"/>, of the row with the object's key (checking its row version, if any).
    /// </summary>
    public static int UpdateOnly<T>(this DataConnection db, T row, IEnumerable<string> fieldNames, Expression<Func<T, bool>>? where = null) =>
        Executor.Sync(UpdateOps.Run(db, ModelPlan<T>.For(db.Dialect), Pick(row, fieldNames), false, where, row, false, default));

    /// <inheritdoc cref="UpdateOnly{T}(DataConnection, T, IEnumerable{string}, Expression{Func{T, bool}})"/>
    public static Task<int> UpdateOnlyAsync<T>(this DataConnection db, T row, IEnumerable<string> fieldNames,
        Expression<Func<T, bool>>? where = null, CancellationToken ct = default) =>
        UpdateOps.Run(db, ModelPlan<T>.For(db.Dialect), Pick(row, fieldNames), false, where, row, Async(db), ct).AsTask();

    /// <summary>
    /// Sets only the named fields to the object's values, in the rows a query's conditions match (conditions chosen at
    /// run time: <c>AddCondition</c>, <c>EnsureCondition</c>). The query must not join other tables. Returns the rows updated.
    /// </summary>
    public static Task<int> UpdateOnlyAsync<T>(this DataConnection db, T row, IEnumerable<string> fieldNames, SqlExpression<T> where,
        CancellationToken ct = default) =>
        UpdateOps.Run(db, ModelPlan<T>.For(db.Dialect), Pick(row, fieldNames), false, null, default, Async(db), ct, where).AsTask();

    /// <summary>Deletes the rows a query's conditions match (at least one condition; no joins). Returns the rows deleted.</summary>
    public static Task<int> DeleteAsync<T>(this DataConnection db, SqlExpression<T> where, CancellationToken ct = default) =>
        UpdateOps.DeleteQuery(db, where, Async(db), ct).AsTask();

    /// <summary>Sets only the fields named by <c>x =&gt; new { x.Status, x.Total }</c> to the object's values; see the string overload.</summary>
    public static int UpdateOnly<T>(this DataConnection db, T row, Expression<Func<T, object?>> onlyFields, Expression<Func<T, bool>>? where = null) =>
        db.UpdateOnly(row, UpdateOps.FieldNames(onlyFields), where);

    /// <inheritdoc cref="UpdateOnly{T}(DataConnection, T, Expression{Func{T, object}}, Expression{Func{T, bool}})"/>
    public static Task<int> UpdateOnlyAsync<T>(this DataConnection db, T row, Expression<Func<T, object?>> onlyFields,
        Expression<Func<T, bool>>? where = null, CancellationToken ct = default) =>
        db.UpdateOnlyAsync(row, UpdateOps.FieldNames(onlyFields), where, ct);

    /// <summary>
    /// Adds to numeric fields of the matching rows: <c>db.UpdateAdd(() =&gt; new Order { Quantity = 1 }, where: x =&gt; x.Id == id)</c>
    /// sets <c>quantity = quantity + 1</c> in the database (exact for decimals everywhere). Returns the rows updated.
    /// </summary>
    public static int UpdateAdd<T>(this DataConnection db, Expression<Func<T>> fields, Expression<Func<T, bool>>? where = null) =>
        Executor.Sync(UpdateOps.Run(db, ModelPlan<T>.For(db.Dialect), UpdateOps.Assignments(fields), true, where, default, false, default));

    /// <inheritdoc cref="UpdateAdd{T}(DataConnection, Expression{Func{T}}, Expression{Func{T, bool}})"/>
    public static Task<int> UpdateAddAsync<T>(this DataConnection db, Expression<Func<T>> fields, Expression<Func<T, bool>>? where = null,
        CancellationToken ct = default) =>
        UpdateOps.Run(db, ModelPlan<T>.For(db.Dialect), UpdateOps.Assignments(fields), true, where, default, Async(db), ct).AsTask();

    /// <summary>
    /// Inserts the row, or updates it when a row with its key exists (<c>INSERT ... ON CONFLICT DO UPDATE</c>). An
    /// <c>[AutoIncrement]</c> key of 0 means insert. With a <c>[RowVersion]</c>, an existing row is updated only if
    /// its version matches, else <see cref="OptimisticConcurrencyException"/>.
    /// </summary>
    public static void Save<T>(this DataConnection db, T row) => Executor.Sync(WriteOps.Save(db, row, false, default));

    /// <inheritdoc cref="Save{T}(DataConnection, T)"/>
    public static Task SaveAsync<T>(this DataConnection db, T row, CancellationToken ct = default) =>
        WriteOps.Save(db, row, Async(db), ct).AsTask();

    /// <summary>Deletes the matching rows. Returns how many.</summary>
    public static int Delete<T>(this DataConnection db, Expression<Func<T, bool>> where) =>
        Executor.Sync(UpdateOps.DeleteWhere(db, where ?? throw new ArgumentNullException(nameof(where)), false, default));

    /// <inheritdoc cref="Delete{T}(DataConnection, Expression{Func{T, bool}})"/>
    public static Task<int> DeleteAsync<T>(this DataConnection db, Expression<Func<T, bool>> where, CancellationToken ct = default) =>
        UpdateOps.DeleteWhere(db, where ?? throw new ArgumentNullException(nameof(where)), Async(db), ct).AsTask();

    /// <summary>Deletes the row with the object's key; with a <c>[RowVersion]</c>, only at the object's version (else throws).</summary>
    public static int Delete<T>(this DataConnection db, T row) => Executor.Sync(WriteOps.Delete(db, row, false, default));

    /// <inheritdoc cref="Delete{T}(DataConnection, T)"/>
    public static Task<int> DeleteAsync<T>(this DataConnection db, T row, CancellationToken ct = default) =>
        WriteOps.Delete(db, row, Async(db), ct).AsTask();

    /// <summary>Deletes every row of the table. Returns how many.</summary>
    public static int DeleteAll<T>(this DataConnection db) => Executor.Sync(UpdateOps.DeleteWhere<T>(db, null, false, default));

    /// <inheritdoc cref="DeleteAll{T}(DataConnection)"/>
    public static Task<int> DeleteAllAsync<T>(this DataConnection db, CancellationToken ct = default) =>
        UpdateOps.DeleteWhere<T>(db, null, Async(db), ct).AsTask();

    /// <summary>Deletes the row with this key. Returns 1, or 0 when there was none.</summary>
    public static int DeleteById<T>(this DataConnection db, object id) => Executor.Sync(WriteOps.DeleteById<T>(db, id, false, default));

    /// <inheritdoc cref="DeleteById{T}(DataConnection, object)"/>
    public static Task<int> DeleteByIdAsync<T>(this DataConnection db, object id, CancellationToken ct = default) =>
        WriteOps.DeleteById<T>(db, id, Async(db), ct).AsTask();

    /// <summary>Deletes the rows with these keys. Returns how many.</summary>
    public static int DeleteByIds<T>(this DataConnection db, IEnumerable ids) => Executor.Sync(WriteOps.DeleteByIds<T>(db, ids, false, default));

    /// <inheritdoc cref="DeleteByIds{T}(DataConnection, IEnumerable)"/>
    public static Task<int> DeleteByIdsAsync<T>(this DataConnection db, IEnumerable ids, CancellationToken ct = default) =>
        WriteOps.DeleteByIds<T>(db, ids, Async(db), ct).AsTask();

    private static List<(FieldDefinition, object?)> Pick<T>(T row, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(row);
        var model = ModelDefinition.For<T>();
        var list = names.Select(model.GetField).Distinct().Select(f => (f, f.GetValue(row))).ToList();
        if (list.Count == 0) throw new ArgumentException("Name at least one field to update.", nameof(names));
        return list;
    }
}
