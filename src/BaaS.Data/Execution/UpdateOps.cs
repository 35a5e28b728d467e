using System.Linq.Expressions;

namespace BaaS.Data;

/// <summary>Updates and deletes by condition: Update with a where, UpdateOnly, UpdateAdd, Delete with a where.</summary>
internal static class UpdateOps
{
    // UPDATE "order" SET "name" = @p0, "total" = @p1 WHERE ("order"."status" = @p2)
    public static ValueTask<int> UpdateWhere<T>(DataConnection db, T row, Expression<Func<T, bool>> where, bool async, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        var plan = ModelPlan<T>.For(db.Dialect);
        var sets = plan.UpdateFields.Select(f => (f, f.GetValue(row))).ToList();
        return Run(db, plan, sets, add: false, where, keyOf: default, async, ct);
    }

    /// <summary>Fields and values from <c>() =&gt; new Order { Status = OrderStatus.Shipped }</c>.</summary>
    public static List<(FieldDefinition Field, object? Value)> Assignments<T>(Expression<Func<T>> fields)
    {
        if (fields.Body is not MemberInitExpression init)
            throw new NotSupportedException($"'{fields}' must be an object initializer: () => new {typeof(T).Name} {{ Field = value }}.");
        var model = ModelDefinition.For<T>();
        var list = new List<(FieldDefinition, object?)>();
        foreach (var binding in init.Bindings)
        {
            if (binding is not MemberAssignment assignment)
                throw new NotSupportedException($"'{binding}' is not a plain assignment.");
            var field = model.FindField(binding.Member.Name) ?? throw new NotSupportedException(
                $"{model.Name}.{binding.Member.Name} is not a column and cannot be updated.");
            list.Add((field, ExpressionWriter.Evaluate(assignment.Expression)));
        }
        if (list.Count == 0) throw new ArgumentException("Name at least one field to update.", nameof(fields));
        return list;
    }

    /// <summary>Field names from <c>x =&gt; x.Status</c> or <c>x =&gt; new { x.Status, x.Total }</c>.</summary>
    public static List<string> FieldNames<T>(Expression<Func<T, object?>> fields)
    {
        var body = fields.Body is UnaryExpression { NodeType: ExpressionType.Convert } u ? u.Operand : fields.Body;
        return body switch
        {
            MemberExpression m => [m.Member.Name],
            NewExpression { Members: not null } n => n.Arguments.Select(a => a is MemberExpression am ? am.Member.Name
                : throw new NotSupportedException($"'{a}' is not a field of {typeof(T).Name}.")).ToList(),
            _ => throw new NotSupportedException($"'{fields}' must name fields: x => x.Field or x => new {{ x.A, x.B }}."),
        };
    }

    /// <summary>
    /// Updates <paramref name="sets"/>; with no <paramref name="where"/>, the row with the key of <paramref name="keyOf"/>
    /// (checking and bumping its row version, if the model has one).
    /// </summary>
    public static async ValueTask<int> Run<T>(DataConnection db, ModelPlan<T> plan, List<(FieldDefinition Field, object? Value)> sets,
        bool add, Expression<Func<T, bool>>? where, T? keyOf, bool async, CancellationToken ct, SqlExpression<T>? query = null)
    {
        var d = db.Dialect;
        var w = new SqlWriter().Append("UPDATE ").Append(plan.Table).Append(" SET ");
        var first = true;
        foreach (var (field, value) in sets)
        {
            if (field.IsPrimaryKey || field.IsRowVersion)
                throw new NotSupportedException($"{plan.Model.Name}.{field.Name} is the {(field.IsPrimaryKey ? "primary key" : "row version")} and cannot be set this way.");
            if (!first) w.Append(", ");
            first = false;
            var col = d.QuoteIdentifier(field.ColumnName);
            w.Append(col).Append(" = ");
            if (!add) w.Param(value is null ? null : DialectProvider.Coerce(value, field), field);
            else
            {
                if (field.Kind is not (DataKind.Byte or DataKind.Int16 or DataKind.Int32 or DataKind.Int64 or DataKind.Decimal or DataKind.Double or DataKind.Single))
                    throw new NotSupportedException($"UpdateAdd needs numeric fields; {plan.Model.Name}.{field.Name} is {field.ValueType.Name}.");
                d.WriteAdd(w, col, DialectProvider.Coerce(value ?? 0, field), field);
            }
        }
        var rv = plan.Model.RowVersion;
        if (rv != null)
        {
            // Any change moves the version on, so copies read before it are stale.
            var col = d.QuoteIdentifier(rv.ColumnName);
            w.Append(", ").Append(col).Append(" = ").Append(col).Append(" + 1");
        }
        object? id = null;
        long expected = 0;
        if (query != null)
        {
            // UPDATE "book" SET "title" = @p0 WHERE ("book"."id" = @p1) AND ("book"."tenant_id" = @p2)
            RequireSingleTable(query);
            query.RenderWhere(w);
        }
        else if (where != null)
        {
            w.Append(" WHERE ");
            ExpressionWriter.For(d, where, new TableRef(plan.Model, plan.Table)).Predicate(w, where.Body);
        }
        else if (keyOf != null)
        {
            var key = plan.Model.GetPrimaryKey();
            id = key.GetValue(keyOf);
            w.Append(" WHERE ").Append(d.QuoteIdentifier(key.ColumnName)).Append(" = ").Param(id, key);
            if (rv != null)
            {
                expected = Convert.ToInt64(rv.GetValue(keyOf), System.Globalization.CultureInfo.InvariantCulture);
                w.Append(" AND ").Append(d.QuoteIdentifier(rv.ColumnName)).Append(" = ").Param(rv.GetValue(keyOf), rv);
            }
        }
        var (sql, ps) = w.Render(d);
        int affected;
        try
        {
            affected = await Executor.ExecuteAsync(db, sql, ps, async, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (add && sets.FirstOrDefault(s => s.Field.DecimalPrecision != null && d.IsNumericOverflow(ex, s.Field)).Field is { } overflowed)
        {
            // The sum went past the column's [DecimalLength]: the same 400 naming the field as a written value that does not fit.
            throw DialectProvider.DecimalOverflow(overflowed, null);
        }
        if (query == null && where == null && keyOf != null && rv != null)
        {
            if (affected == 0) throw new OptimisticConcurrencyException(plan.Model, id, expected);
            rv.SetValue(keyOf, Convert.ChangeType(expected + 1, rv.ValueType, System.Globalization.CultureInfo.InvariantCulture));
        }
        return affected;
    }

    // DELETE FROM "book" WHERE ("book"."id" = @p0) AND ("book"."tenant_id" = @p1)
    public static ValueTask<int> DeleteQuery<T>(DataConnection db, SqlExpression<T> query, bool async, CancellationToken ct)
    {
        RequireSingleTable(query);
        if (!query.HasConditions)
            throw new ArgumentException("A delete by query needs at least one condition; use DeleteAll to empty a table.", nameof(query));
        var plan = ModelPlan<T>.For(db.Dialect);
        var w = new SqlWriter().Append("DELETE FROM ").Append(plan.Table);
        query.RenderWhere(w);
        var (sql, ps) = w.Render(db.Dialect);
        return Executor.ExecuteAsync(db, sql, ps, async, ct);
    }

    private static void RequireSingleTable(SqlExpression query)
    {
        if (query.Tables.Count > 1)
            throw new NotSupportedException("Updates and deletes by query work on one table: the query must not join others.");
    }

    // DELETE FROM "order" WHERE ("order"."status" = @p0)
    public static ValueTask<int> DeleteWhere<T>(DataConnection db, Expression<Func<T, bool>>? where, bool async, CancellationToken ct)
    {
        var plan = ModelPlan<T>.For(db.Dialect);
        var head = $"DELETE FROM {plan.Table}";
        var w = where == null ? new SqlWriter().Append(head) : ReadOps.WithWhere(db, plan, head, where);
        var (sql, ps) = w.Render(db.Dialect);
        return Executor.ExecuteAsync(db, sql, ps, async, ct);
    }
}
