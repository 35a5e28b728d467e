using System.Data.Common;
using System.Linq.Expressions;

namespace BaaS.Data;

/// <summary>The read side of the typed API; each method runs synchronously when <c>async</c> is false.</summary>
internal static class ReadOps
{
    // SELECT "order"."id", ... FROM "order" WHERE ("order"."total" > @p0)
    public static ValueTask<List<T>> Select<T>(DataConnection db, Expression<Func<T, bool>>? where, bool async, CancellationToken ct)
    {
        var plan = ModelPlan<T>.For(db.Dialect);
        if (where == null) return Executor.QueryAsync(db, plan.SelectAll, [], plan.ReadAll, async, ct);
        var (sql, ps) = WithWhere(db, plan, plan.SelectAll, where).Render(db.Dialect);
        return Executor.QueryAsync(db, sql, ps, plan.ReadAll, async, ct);
    }

    public static ValueTask<List<TInto>> Select<TInto>(DataConnection db, SqlExpression q, bool async, CancellationToken ct)
    {
        Check(db, q);
        if (typeof(TInto) == q.Model.ModelType && !q.HasSelect)
        {
            var (sql, ps) = q.RenderSelect(paging: true, order: true, null).Render(db.Dialect);
            return Executor.QueryAsync(db, sql, ps, ModelPlan<TInto>.For(db.Dialect).ReadAll, async, ct);
        }
        var list = q.HasSelect || Materializer.IsScalar(typeof(TInto)) ? null : q.SelectListFor(ModelDefinition.For<TInto>());
        var (sql2, ps2) = q.RenderSelect(paging: true, order: true, list).Render(db.Dialect);
        return Executor.QueryDynamicAsync<TInto>(db, sql2, ps2, async, ct);
    }

    /// <summary>A page of a query's rows and the count of all of them (without paging and order), in one round trip.</summary>
    public static ValueTask<(List<TInto> Rows, long Total)> SelectWithTotal<TInto>(DataConnection db, SqlExpression q, bool async, CancellationToken ct)
    {
        Check(db, q);
        var sameShape = typeof(TInto) == q.Model.ModelType && !q.HasSelect;
        var list = sameShape || q.HasSelect || Materializer.IsScalar(typeof(TInto)) ? null : q.SelectListFor(ModelDefinition.For<TInto>());
        var page = q.RenderSelect(paging: true, order: true, list).Render(db.Dialect);
        var count = q.RenderCount().Render(db.Dialect);
        return Executor.QueryWithTotalAsync(db, page, count, sameShape ? ModelPlan<TInto>.For(db.Dialect).ReadAll : null, async, ct);
    }

    public static async ValueTask<T?> Single<T>(DataConnection db, Expression<Func<T, bool>>? where, bool async, CancellationToken ct)
    {
        var plan = ModelPlan<T>.For(db.Dialect);
        var w = where == null ? new SqlWriter().Append(plan.SelectAll) : WithWhere(db, plan, plan.SelectAll, where);
        db.Dialect.WritePaging(w, null, 1);
        var (sql, ps) = w.Render(db.Dialect);
        return await Executor.QueryFirstAsync(db, sql, ps, plan.ReadAll, async, ct).ConfigureAwait(false);
    }

    public static async ValueTask<TInto?> Single<TInto>(DataConnection db, SqlExpression q, bool async, CancellationToken ct)
    {
        Check(db, q);
        var sameShape = typeof(TInto) == q.Model.ModelType && !q.HasSelect;
        var list = sameShape || q.HasSelect || Materializer.IsScalar(typeof(TInto)) ? null : q.SelectListFor(ModelDefinition.For<TInto>());
        var w = q.RenderSelect(paging: false, order: true, list);
        db.Dialect.WritePaging(w, q.Offset, 1);
        var (sql, ps) = w.Render(db.Dialect);
        if (sameShape) return await Executor.QueryFirstAsync(db, sql, ps, ModelPlan<TInto>.For(db.Dialect).ReadAll, async, ct).ConfigureAwait(false);
        var rows = await Executor.QueryDynamicAsync<TInto>(db, sql, ps, async, ct).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0] : default;
    }

    // SELECT ... FROM "order" WHERE "order"."id" = @p0
    public static ValueTask<T?> SingleById<T>(DataConnection db, object id, bool async, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        var plan = ModelPlan<T>.For(db.Dialect);
        var key = plan.Model.GetPrimaryKey();
        return Executor.QueryFirstAsync(db, plan.SelectById, [new QueryParam(DialectProvider.Coerce(id, key), key)], plan.ReadAll, async, ct);
    }

    // SELECT COUNT(*) FROM "order" WHERE ...
    public static async ValueTask<long> Count<T>(DataConnection db, Expression<Func<T, bool>>? where, bool async, CancellationToken ct)
    {
        var plan = ModelPlan<T>.For(db.Dialect);
        var head = $"SELECT COUNT(*) FROM {plan.Table}";
        var w = where == null ? new SqlWriter().Append(head) : WithWhere(db, plan, head, where);
        var (sql, ps) = w.Render(db.Dialect);
        return Convert.ToInt64(await Executor.ScalarAsync(db, sql, ps, async, ct).ConfigureAwait(false));
    }

    /// <summary>Counts the rows a query would return without its paging and order.</summary>
    public static async ValueTask<long> Count(DataConnection db, SqlExpression q, bool async, CancellationToken ct)
    {
        Check(db, q);
        var (sql, ps) = q.RenderCount().Render(db.Dialect);
        return Convert.ToInt64(await Executor.ScalarAsync(db, sql, ps, async, ct).ConfigureAwait(false));
    }

    // SELECT EXISTS (SELECT 1 FROM "order" WHERE ...)
    public static async ValueTask<bool> Exists<T>(DataConnection db, Expression<Func<T, bool>>? where, bool async, CancellationToken ct)
    {
        var plan = ModelPlan<T>.For(db.Dialect);
        var head = $"SELECT 1 FROM {plan.Table}";
        var inner = where == null ? new SqlWriter().Append(head) : WithWhere(db, plan, head, where);
        var (sql, ps) = new SqlWriter().Append("SELECT EXISTS (").Append(inner).Append(')').Render(db.Dialect);
        return ToBool(await Executor.ScalarAsync(db, sql, ps, async, ct).ConfigureAwait(false));
    }

    public static async ValueTask<bool> Exists(DataConnection db, SqlExpression q, bool async, CancellationToken ct)
    {
        Check(db, q);
        var (sql, ps) = q.RenderExists().Render(db.Dialect);
        return ToBool(await Executor.ScalarAsync(db, sql, ps, async, ct).ConfigureAwait(false));
    }

    // SELECT MAX("order"."total") FROM "order" WHERE ...
    public static async ValueTask<TResult> Scalar<T, TResult>(DataConnection db, Expression<Func<T, TResult>> column,
        Expression<Func<T, bool>>? where, bool async, CancellationToken ct)
    {
        var plan = ModelPlan<T>.For(db.Dialect);
        var table = new TableRef(plan.Model, plan.Table);
        var (columnSql, field) = ExpressionWriter.For(db.Dialect, column, table).Column(column.Body);
        var head = $"SELECT {columnSql} FROM {plan.Table}";
        var w = where == null ? new SqlWriter().Append(head) : WithWhere(db, plan, head, where);
        var (sql, ps) = w.Render(db.Dialect);
        var value = await Executor.ScalarAsync(db, sql, ps, async, ct).ConfigureAwait(false);
        return (TResult)db.Dialect.FromDbValue(value, typeof(TResult), field)!;
    }

    public static async ValueTask<TResult> Scalar<TResult>(DataConnection db, SqlExpression q, bool async, CancellationToken ct)
    {
        Check(db, q);
        var (sql, ps) = q.RenderSelect(paging: true, order: true, null).Render(db.Dialect);
        var value = await Executor.ScalarAsync(db, sql, ps, async, ct).ConfigureAwait(false);
        return (TResult)db.Dialect.FromDbValue(value, typeof(TResult), q.FirstSelectField)!;
    }

    public static ValueTask<List<TResult>> Column<TResult>(DataConnection db, SqlExpression q, bool async, CancellationToken ct)
    {
        Check(db, q);
        var (sql, ps) = q.RenderSelect(paging: true, order: true, null).Render(db.Dialect);
        return Executor.QueryAsync(db, sql, ps, Materializer.Scalar<TResult>(db.Dialect, q.FirstSelectField), async, ct);
    }

    public static async ValueTask<Dictionary<TKey, TValue>> Dictionary<TKey, TValue>(DataConnection db, SqlExpression q,
        bool async, CancellationToken ct) where TKey : notnull
    {
        Check(db, q);
        var (sql, ps) = q.RenderSelect(paging: true, order: true, null).Render(db.Dialect);
        var dialect = db.Dialect;
        var rows = await Executor.QueryAsync(db, sql, ps, r => (
            (TKey)dialect.FromDbValue(r.GetValue(0), typeof(TKey), q.SelectField(0))!,
            (TValue)dialect.FromDbValue(r.GetValue(1), typeof(TValue), q.SelectField(1))!), async, ct).ConfigureAwait(false);
        var result = new Dictionary<TKey, TValue>(rows.Count);
        foreach (var (k, v) in rows) result[k] = v;
        return result;
    }

    /// <summary>Runs aggregates over the query's rows (its WHERE and joins; no paging, order or grouping).</summary>
    public static async ValueTask<Dictionary<string, object?>> Aggregate(DataConnection db, SqlExpression q,
        IReadOnlyList<AggregateSpec> aggregates, bool async, CancellationToken ct)
    {
        Check(db, q);
        if (aggregates.Count == 0) return [];
        var items = new List<(string Sql, string Alias)>();
        var fields = new List<FieldDefinition?>();
        for (var i = 0; i < aggregates.Count; i++)
        {
            var spec = aggregates[i];
            (TableRef Table, FieldDefinition Field)? r = spec.FieldName == null ? null : q.Resolve(spec.FieldName);
            if (r == null && spec.Function != AggregateFunction.Count)
                throw new ArgumentException($"{spec.Function} needs a field name.", nameof(aggregates));
            if (r is { Field: var f } && !AggregateSpec.Accepts(spec.Function, f.Kind))
                throw new ArgumentException(
                    $"{spec.Function}({spec.FieldName}) is not allowed: {f.Name} is {Describe(f.Kind)}. Sum and Avg take numbers; " +
                    "Min and Max take numbers, dates, times and text; Count takes any field.", nameof(aggregates));
            items.Add((db.Dialect.Aggregate(spec.Function, r == null ? null : q.ColumnSql(r.Value), r?.Field), "a" + i));
            fields.Add(r?.Field);
        }
        var (sql, ps) = q.RenderAggregates(items).Render(db.Dialect);
        var dialect = db.Dialect;
        var row = await Executor.QueryFirstAsync(db, sql, ps, r =>
        {
            var values = new object?[r.FieldCount];
            for (var i = 0; i < values.Length; i++) values[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            return values;
        }, async, ct).ConfigureAwait(false) ?? new object?[aggregates.Count];
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < aggregates.Count; i++)
            result[aggregates[i].Label] = ConvertAggregate(dialect, aggregates[i].Function, row[i], fields[i]);
        return result;
    }

    private static string Describe(DataKind kind) => kind switch
    {
        DataKind.Boolean => "a boolean",
        DataKind.String => "text",
        DataKind.Guid => "a Guid",
        DataKind.EnumString or DataKind.EnumInt => "an enum",
        DataKind.Bytes => "binary data",
        DataKind.Json => "a JSON value",
        _ => "a " + kind,
    };

    private static object? ConvertAggregate(DialectProvider d, AggregateFunction fn, object? value, FieldDefinition? field)
    {
        if (value == null) return null;
        if (fn == AggregateFunction.Count || field == null) return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        return (fn, field.Kind) switch
        {
            (AggregateFunction.Sum, DataKind.Int16 or DataKind.Int32 or DataKind.Int64 or DataKind.Byte) => d.FromDbValue(value, typeof(long), null),
            (AggregateFunction.Avg, DataKind.Decimal) => d.FromDbValue(value, typeof(decimal), null),
            (AggregateFunction.Avg, _) => d.FromDbValue(value, typeof(double), null),
            _ => d.FromDbValue(value, field.ValueType, field),
        };
    }

    internal static SqlWriter WithWhere<T>(DataConnection db, ModelPlan<T> plan, string head, LambdaExpression where)
    {
        var w = new SqlWriter().Append(head).Append(" WHERE ");
        ExpressionWriter.For(db.Dialect, where, new TableRef(plan.Model, plan.Table)).Predicate(w, where.Body);
        return w;
    }

    internal static void Check(DataConnection db, SqlExpression q)
    {
        if (!ReferenceEquals(db.Dialect, q.Dialect))
            throw new InvalidOperationException(
                $"This query was built for {q.Dialect.Name} but the connection is {db.Dialect.Name}: build it with db.From<T>() on the same connection.");
    }

    private static bool ToBool(object? value) => value switch
    {
        bool b => b,
        null => false,
        _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) != 0,
    };
}
