using System.Data.Common;

namespace BaaS.Data;

/// <summary>Insert, update by key, upsert and delete by key; each runs synchronously when <c>async</c> is false.</summary>
internal static class WriteOps
{
    public static async ValueTask<long> Insert<T>(DataConnection db, T row, bool async, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        var plan = ModelPlan<T>.For(db.Dialect);
        PrepareForInsert(plan.Model, row);
        var fields = plan.InsertFields;
        var ps = new QueryParam[fields.Length];
        for (var i = 0; i < fields.Length; i++) ps[i] = new QueryParam(fields[i].GetValue(row), fields[i]);
        if (plan.Model.PrimaryKey is { IsAutoIncrement: true } key)
        {
            var id = await Executor.ScalarAsync(db, plan.InsertReturning, ps, async, ct).ConfigureAwait(false);
            var typed = Convert.ChangeType(id, key.ValueType, System.Globalization.CultureInfo.InvariantCulture);
            if (key.CanWrite) key.SetValue(row, typed);
            return Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture);
        }
        return await Executor.ExecuteAsync(db, plan.Insert, ps, async, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Inserts many rows in one transaction (its own, unless one is open), as multi-row INSERT statements that
    /// fill the dialect's parameter limit; the command is prepared once and re-bound for each full batch.
    /// </summary>
    public static async ValueTask<int> InsertAll<T>(DataConnection db, IEnumerable<T> rows, bool async, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows as IReadOnlyList<T> ?? rows.ToList();
        if (list.Count == 0) return 0;
        var plan = ModelPlan<T>.For(db.Dialect);
        var fields = plan.InsertFields;
        var perStatement = Math.Max(1, Math.Min(db.Dialect.MaxBatchRows, db.Dialect.MaxParameters / Math.Max(1, fields.Length)));
        return await InTransaction(db, async, ct, async () =>
        {
            var inserted = 0;
            DbCommand? full = null;
            try
            {
                for (var start = 0; start < list.Count; start += perStatement)
                {
                    ct.ThrowIfCancellationRequested();
                    var count = Math.Min(perStatement, list.Count - start);
                    if (count == perStatement)
                    {
                        // Full batches share one command: built and prepared once, then only the values change.
                        if (full == null)
                        {
                            full = Executor.CreateCommand(db, plan.InsertRows(count), Params(plan, list, start, count));
                            if (list.Count > perStatement)
                            {
                                if (async) await full.PrepareAsync(ct).ConfigureAwait(false);
                                else full.Prepare();
                            }
                        }
                        else Rebind(db.Dialect, full, plan, list, start, count);
                        inserted += await Run(db, full, async, ct).ConfigureAwait(false);
                    }
                    else
                    {
                        await using var partial = Executor.CreateCommand(db, plan.InsertRows(count), Params(plan, list, start, count));
                        inserted += await Run(db, partial, async, ct).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                if (full != null) await full.DisposeAsync().ConfigureAwait(false);
            }
            return inserted;
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Inserts many rows the cheapest way the database has (<see cref="DialectProvider.BulkInsert{T}"/>), in the open
    /// transaction or one of its own.
    /// </summary>
    public static async ValueTask<int> BulkInsert<T>(DataConnection db, IEnumerable<T> rows, bool async, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows as IReadOnlyList<T> ?? rows.ToList();
        if (list.Count == 0) return 0;
        var plan = ModelPlan<T>.For(db.Dialect);
        for (var r = 0; r < list.Count; r++) PrepareForInsert(plan.Model, list[r] ?? throw new ArgumentException($"Row {r} is null.", nameof(rows)));
        return await InTransaction(db, async, ct, () => db.Dialect.BulkInsert(db, plan, list, async, ct)).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> in the open transaction, or in one of its own that commits when it succeeds.</summary>
    private static async ValueTask<int> InTransaction(DataConnection db, bool async, CancellationToken ct, Func<ValueTask<int>> work)
    {
        if (db.Transaction != null) return await work().ConfigureAwait(false);
        DbTransaction tx = async ? await db.BeginTransactionAsync(ct).ConfigureAwait(false) : db.BeginTransaction();
        try
        {
            var result = await work().ConfigureAwait(false);
            if (async) await tx.CommitAsync(ct).ConfigureAwait(false);
            else tx.Commit();
            return result;
        }
        finally
        {
            if (async) await tx.DisposeAsync().ConfigureAwait(false);
            else tx.Dispose();
        }
    }

    /// <summary>
    /// Inserts the rows one prepared single-row INSERT at a time, its values rebound per row: the cheapest way where the
    /// database runs in the process (no round trip to save), and cheaper there than a multi-row INSERT, whose hundreds of
    /// named parameters SQLite finds one linear search each. The rows are already prepared (<see cref="PrepareForInsert"/>).
    /// </summary>
    internal static async ValueTask<int> PreparedRows<T>(DataConnection db, ModelPlan<T> plan, IReadOnlyList<T> rows, bool async, CancellationToken ct)
    {
        var fields = plan.InsertFields;
        var first = new QueryParam[fields.Length];
        for (var i = 0; i < fields.Length; i++) first[i] = new QueryParam(fields[i].GetValue(rows[0]!), fields[i]);
        await using var command = Executor.CreateCommand(db, plan.Insert, first);
        if (rows.Count > 1)
        {
            if (async) await command.PrepareAsync(ct).ConfigureAwait(false);
            else command.Prepare();
        }
        var inserted = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            ct.ThrowIfCancellationRequested();
            if (r > 0)
            {
                var row = rows[r]!;
                for (var i = 0; i < fields.Length; i++) command.Parameters[i].Value = db.Dialect.ToDbValue(fields[i].GetValue(row), fields[i]);
            }
            inserted += await Run(db, command, async, ct).ConfigureAwait(false);
        }
        return inserted;
    }

    private static QueryParam[] Params<T>(ModelPlan<T> plan, IReadOnlyList<T> rows, int start, int count)
    {
        var fields = plan.InsertFields;
        var ps = new QueryParam[count * fields.Length];
        var p = 0;
        for (var r = start; r < start + count; r++)
        {
            var row = rows[r] ?? throw new ArgumentException($"Row {r} is null.", nameof(rows));
            PrepareForInsert(plan.Model, row);
            foreach (var f in fields) ps[p++] = new QueryParam(f.GetValue(row), f);
        }
        return ps;
    }

    private static void Rebind<T>(DialectProvider dialect, DbCommand command, ModelPlan<T> plan, IReadOnlyList<T> rows, int start, int count)
    {
        var ps = Params(plan, rows, start, count);
        for (var i = 0; i < ps.Length; i++) command.Parameters[i].Value = dialect.ToDbValue(ps[i].Value, ps[i].Field);
    }

    private static async ValueTask<int> Run(DataConnection db, DbCommand command, bool async, CancellationToken ct)
    {
        db.LastSql = command.CommandText;
        using var activity = DataTelemetry.Start(db, command.CommandText);
        try
        {
            return async ? await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) : command.ExecuteNonQuery();
        }
        catch (DbException ex) when (DataTelemetry.Failed(activity, ex) && db.RecordFailure(command.CommandText) && db.Dialect.TranslateException(ex, command.CommandText) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Fills an empty [AutoId] with a new time-ordered Guid and starts a [RowVersion] at 1.</summary>
    internal static void PrepareForInsert(ModelDefinition model, object row)
    {
        if (model.PrimaryKey is { IsAutoId: true } id && id.GetValue(row) is Guid g && g == Guid.Empty)
            id.SetValue(row, Guid.CreateVersion7());
        if (model.RowVersion is { } rv) rv.SetValue(row, Convert.ChangeType(1, rv.ValueType, System.Globalization.CultureInfo.InvariantCulture));
    }

    public static async ValueTask<int> Update<T>(DataConnection db, T row, bool async, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        var plan = ModelPlan<T>.For(db.Dialect);
        var fields = plan.UpdateFields;
        var key = plan.Model.GetPrimaryKey();
        var rv = plan.Model.RowVersion;
        var ps = new QueryParam[fields.Length + 1 + (rv != null ? 1 : 0)];
        for (var i = 0; i < fields.Length; i++) ps[i] = new QueryParam(fields[i].GetValue(row), fields[i]);
        var id = key.GetValue(row);
        ps[fields.Length] = new QueryParam(id, key);
        long expected = 0;
        if (rv != null)
        {
            expected = Convert.ToInt64(rv.GetValue(row), System.Globalization.CultureInfo.InvariantCulture);
            ps[^1] = new QueryParam(rv.GetValue(row), rv);
        }
        var affected = await Executor.ExecuteAsync(db, plan.Update, ps, async, ct).ConfigureAwait(false);
        if (rv != null)
        {
            if (affected == 0) throw new OptimisticConcurrencyException(plan.Model, id, expected);
            rv.SetValue(row, Convert.ChangeType(expected + 1, rv.ValueType, System.Globalization.CultureInfo.InvariantCulture));
        }
        return affected;
    }

    public static async ValueTask Save<T>(DataConnection db, T row, bool async, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        var plan = ModelPlan<T>.For(db.Dialect);
        var key = plan.Model.GetPrimaryKey();
        if (key.IsAutoIncrement && Convert.ToInt64(key.GetValue(row), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            await Insert(db, row, async, ct).ConfigureAwait(false);
            return;
        }
        if (key.IsAutoId && key.GetValue(row) is Guid g && g == Guid.Empty) key.SetValue(row, Guid.CreateVersion7());
        var fields = plan.Model.Fields;
        var rv = plan.Model.RowVersion;
        var ps = new QueryParam[fields.Count + (rv != null ? 1 : 0)];
        long expected = 0;
        if (rv != null) expected = Convert.ToInt64(rv.GetValue(row), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            // A new row starts at version expected + 1 (1 for a fresh object); an existing one is bumped by the UPDATE.
            ps[i] = new QueryParam(f.IsRowVersion ? expected + 1 : f.GetValue(row), f);
        }
        if (rv != null) ps[^1] = new QueryParam(expected, rv);
        var affected = await Executor.ExecuteAsync(db, plan.Upsert, ps, async, ct).ConfigureAwait(false);
        if (rv != null)
        {
            if (affected == 0) throw new OptimisticConcurrencyException(plan.Model, key.GetValue(row), expected);
            rv.SetValue(row, Convert.ChangeType(expected + 1, rv.ValueType, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public static ValueTask<int> DeleteById<T>(DataConnection db, object id, bool async, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        var plan = ModelPlan<T>.For(db.Dialect);
        var key = plan.Model.GetPrimaryKey();
        return Executor.ExecuteAsync(db, plan.DeleteById, [new QueryParam(DialectProvider.Coerce(id, key), key)], async, ct);
    }

    // DELETE FROM "order" WHERE "id" = @p0 AND "row_version" = @p1
    public static async ValueTask<int> Delete<T>(DataConnection db, T row, bool async, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        var plan = ModelPlan<T>.For(db.Dialect);
        var key = plan.Model.GetPrimaryKey();
        var id = key.GetValue(row);
        if (plan.Model.RowVersion is not { } rv) return await DeleteById<T>(db, id!, async, ct).ConfigureAwait(false);
        var sql = plan.DeleteById + " AND " + db.Dialect.QuoteIdentifier(rv.ColumnName) + " = " + db.Dialect.ParameterPlaceholder(1);
        var expected = rv.GetValue(row);
        var affected = await Executor.ExecuteAsync(db, sql, [new QueryParam(id, key), new QueryParam(expected, rv)], async, ct).ConfigureAwait(false);
        if (affected == 0) throw new OptimisticConcurrencyException(plan.Model, id, Convert.ToInt64(expected, System.Globalization.CultureInfo.InvariantCulture));
        return affected;
    }

    // DELETE FROM "order" WHERE "order"."id" IN (@p0, @p1, ...), in chunks that fit the parameter limit
    public static async ValueTask<int> DeleteByIds<T>(DataConnection db, System.Collections.IEnumerable ids, bool async, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var plan = ModelPlan<T>.For(db.Dialect);
        var key = plan.Model.GetPrimaryKey();
        var all = DialectProvider.Elements(ids);
        var deleted = 0;
        const int chunk = 1000;
        for (var start = 0; start < all.Count; start += chunk)
        {
            var w = new SqlWriter().Append("DELETE FROM ").Append(plan.Table).Append(" WHERE ");
            Conditions.WriteIn(w, db.Dialect, db.Dialect.Column(plan.Table, key), key, all.GetRange(start, Math.Min(chunk, all.Count - start)), not: false);
            var (sql, ps) = w.Render(db.Dialect);
            deleted += await Executor.ExecuteAsync(db, sql, ps, async, ct).ConfigureAwait(false);
        }
        return deleted;
    }
}
