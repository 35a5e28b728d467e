namespace BaaS.Data;

public abstract partial class SqlExpression
{
    // SELECT [DISTINCT] <list> FROM "order" INNER JOIN "customer" ON (...) WHERE (...) GROUP BY ... HAVING ...
    //   ORDER BY ... LIMIT @p OFFSET @p
    internal SqlWriter RenderSelect(bool paging, bool order, string? selectList)
    {
        var w = new SqlWriter(256).Append("SELECT ");
        if (IsDistinct) w.Append("DISTINCT ");
        w.Append(selectList ?? DefaultSelectList());
        RenderFrom(w);
        RenderWhere(w);
        RenderGroupBy(w);
        if (order)
        {
            if (OrderByItems.Count > 0) w.Append(" ORDER BY ").Append(string.Join(", ", OrderByItems));
            else if (paging && (Offset != null || Rows != null) && Model.PrimaryKey is { } pk && GroupByItems.Count == 0 && !IsDistinct)
                // Pages need an order to be stable; the key is the natural one.
                w.Append(" ORDER BY ").Append(Dialect.Column(Primary.Qualifier, pk));
        }
        if (paging) Dialect.WritePaging(w, Offset, Rows);
        return w;
    }

    // SELECT COUNT(*) FROM "order" WHERE ...  or, with GROUP BY / DISTINCT:
    // SELECT COUNT(*) FROM (SELECT DISTINCT ... FROM ... WHERE ...) AS "baas_count"
    internal SqlWriter RenderCount()
    {
        if (GroupByItems.Count == 0 && HavingClause == null && !IsDistinct)
        {
            var w = new SqlWriter(128).Append("SELECT COUNT(*)");
            RenderFrom(w);
            RenderWhere(w);
            return w;
        }
        var inner = RenderSelect(paging: false, order: false, null);
        return new SqlWriter().Append("SELECT COUNT(*) FROM (").Append(inner).Append(") AS ").Append(Dialect.QuoteIdentifier("baas_count"));
    }

    // SELECT EXISTS (SELECT 1 FROM "order" WHERE ...)
    internal SqlWriter RenderExists()
    {
        var inner = RenderSelect(paging: false, order: false, SelectItems == null && !IsDistinct ? "1" : null);
        return new SqlWriter().Append("SELECT EXISTS (").Append(inner).Append(')');
    }

    // SELECT COUNT(*) AS "a0", SUM("order"."total") AS "a1" FROM "order" WHERE ...
    internal SqlWriter RenderAggregates(IReadOnlyList<(string Sql, string Alias)> items)
    {
        var w = new SqlWriter(256).Append("SELECT ");
        w.Append(string.Join(", ", items.Select(i => $"{i.Sql} AS {Dialect.QuoteIdentifier(i.Alias)}")));
        RenderFrom(w);
        RenderWhere(w);
        return w;
    }

    internal void RenderFrom(SqlWriter w)
    {
        w.Append(" FROM ").Append(Primary.Qualifier);
        foreach (var j in Joins) w.Append(' ').Append(j.Kind).Append(' ').Append(j.Table.Qualifier).Append(" ON ").Append(j.On);
    }

    internal void RenderWhere(SqlWriter w)
    {
        var count = (WhereClause != null ? 1 : 0) + Ensures.Count;
        if (count == 0) return;
        w.Append(" WHERE ");
        if (count == 1)
        {
            w.Append(WhereClause ?? Ensures[0]);
            return;
        }
        // Ensured conditions stand outside the caller's conditions: (caller's) AND (ensured) AND ...
        var first = true;
        foreach (var part in WhereClause != null ? Ensures.Prepend(WhereClause) : Ensures)
        {
            w.Append(first ? "(" : " AND (").Append(part).Append(')');
            first = false;
        }
    }

    private void RenderGroupBy(SqlWriter w)
    {
        if (GroupByItems.Count > 0) w.Append(" GROUP BY ").Append(string.Join(", ", GroupByItems));
        if (HavingClause != null) w.Append(" HAVING ").Append(HavingClause);
    }

    internal string DefaultSelectList()
    {
        if (SelectItems != null)
        {
            return string.Join(", ", SelectItems.Select(s =>
            {
                var sql = Dialect.SelectedValue(s.Sql, s.Field);
                return s.Alias == null ? sql : $"{sql} AS {Dialect.QuoteIdentifier(s.Alias)}";
            }));
        }
        return Dialect.ColumnList(Model, Primary.Qualifier);
    }

    /// <summary>
    /// The select list for reading rows of another type: each of its fields from the FROM table by name, else from
    /// a joined table by name, else by the <c>{Model}{Field}</c> convention (<c>CustomerName</c> = Customer.Name).
    /// </summary>
    internal string SelectListFor(ModelDefinition into)
    {
        var items = new List<string>();
        foreach (var f in into.Fields)
        {
            var source = FindSource(f);
            if (source == null) continue;
            var column = Dialect.Column(source.Value.Table.Qualifier, source.Value.Field);
            items.Add($"{Dialect.SelectedValue(column, source.Value.Field)} AS {Dialect.QuoteIdentifier(f.Name)}");
        }
        if (items.Count == 0)
            throw new InvalidOperationException($"None of {into.Name}'s fields match a column of {string.Join(", ", Tables.Select(t => t.Name))}.");
        return string.Join(", ", items);
    }

    private (TableRef Table, FieldDefinition Field)? FindSource(FieldDefinition f)
    {
        foreach (var t in AllTables())
            if (t.Model.FindField(f.Name) is { } same) return (t, same);
        foreach (var t in AllTables())
        {
            if (f.Name.Length > t.Model.Name.Length && f.Name.StartsWith(t.Model.Name, StringComparison.OrdinalIgnoreCase)
                && t.Model.FindField(f.Name[t.Model.Name.Length..]) is { } prefixed)
                return (t, prefixed);
        }
        return null;
    }
}
