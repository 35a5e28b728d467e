namespace BaaS.Data;

public sealed partial class SqlExpression<T>
{
    /// <summary>
    /// Adds a condition chosen at run time: <c>q.AddCondition(QueryTerm.And, "Rating", SqlOperator.GreaterThan, "4")</c>.
    /// The field is looked up in the query's tables (unknown -> <see cref="UnknownFieldException"/>), the value converted
    /// to its type (impossible -> <see cref="InvalidFieldValueException"/>) and bound as a parameter.
    /// </summary>
    /// <remarks><see cref="QueryTerm.Default"/> is AND; <see cref="QueryTerm.Ensure"/> is <see cref="EnsureCondition"/>.</remarks>
    public SqlExpression<T> AddCondition(QueryTerm term, string fieldName, SqlOperator op, object? value)
    {
        if (term == QueryTerm.Ensure) return EnsureCondition(fieldName, op, value);
        AppendCondition(term, Condition(fieldName, op, value));
        return this;
    }

    /// <summary>
    /// Adds a parenthesised group of conditions: <c>q.AddGroup(QueryTerm.And, g =&gt; g.AddCondition(QueryTerm.Or, ...)
    /// .AddCondition(QueryTerm.Or, ...))</c> gives <c>(previous) AND ((a) OR (b))</c>. An empty group adds nothing.
    /// </summary>
    public SqlExpression<T> AddGroup(QueryTerm term, Action<ConditionGroup<T>> build)
    {
        var group = new ConditionGroup<T>(this);
        build(group);
        if (group.Sql != null) AppendCondition(term, group.Sql);
        return this;
    }

    /// <summary>A run-time condition that always applies, outside all other conditions (see <see cref="Ensure(System.Linq.Expressions.Expression{Func{T, bool}})"/>).</summary>
    public SqlExpression<T> EnsureCondition(string fieldName, SqlOperator op, object? value)
    {
        Ensures.Add(Condition(fieldName, op, value));
        return this;
    }

    /// <summary>Selects only these fields (validated names of the query's tables), read back by their property names.</summary>
    public SqlExpression<T> SelectFields(IEnumerable<string> fieldNames)
    {
        var items = new List<SelectItem>();
        foreach (var name in fieldNames)
        {
            var r = Resolve(name);
            if (items.Any(i => i.Alias == r.Field.Name)) continue;
            items.Add(new SelectItem(ColumnSql(r), r.Field.Name, r.Field));
        }
        if (items.Count == 0) throw new ArgumentException("SelectFields needs at least one field name.", nameof(fieldNames));
        SelectItems = items;
        return this;
    }

    /// <summary>Selects only these fields; see <see cref="SelectFields"/>.</summary>
    public SqlExpression<T> Select(params string[] fieldNames) => SelectFields(fieldNames);

    /// <summary>
    /// Orders by a comma-separated list of field names, <c>-</c> (or <c>desc</c> after a space) meaning descending:
    /// <c>"-Rating,Name"</c>. Replaces any earlier order.
    /// </summary>
    public SqlExpression<T> OrderByFields(string fields) =>
        OrderByFields(fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Orders by field names, each optionally prefixed with <c>-</c> for descending. Replaces any earlier order.</summary>
    public SqlExpression<T> OrderByFields(IEnumerable<string> fields)
    {
        OrderByItems.Clear();
        foreach (var raw in fields) AddOrder(raw);
        return this;
    }

    /// <summary>Orders by a field name, ascending. Replaces any earlier order.</summary>
    public SqlExpression<T> OrderBy(string fieldName)
    {
        OrderByItems.Clear();
        return ThenBy(fieldName);
    }

    /// <summary>Orders by a field name, descending. Replaces any earlier order.</summary>
    public SqlExpression<T> OrderByDescending(string fieldName)
    {
        OrderByItems.Clear();
        return ThenByDescending(fieldName);
    }

    /// <summary>Adds a field name to the order, ascending.</summary>
    public SqlExpression<T> ThenBy(string fieldName)
    {
        OrderByItems.Add(ColumnSql(Resolve(fieldName)));
        return this;
    }

    /// <summary>Adds a field name to the order, descending.</summary>
    public SqlExpression<T> ThenByDescending(string fieldName)
    {
        OrderByItems.Add(ColumnSql(Resolve(fieldName)) + " DESC");
        return this;
    }

    /// <summary>Groups by field names (validated).</summary>
    public SqlExpression<T> GroupByFields(params string[] fieldNames)
    {
        foreach (var name in fieldNames) GroupByItems.Add(ColumnSql(Resolve(name)));
        return this;
    }

    private void AddOrder(string raw)
    {
        var item = raw.Trim();
        var descending = false;
        if (item.StartsWith('-'))
        {
            descending = true;
            item = item[1..];
        }
        else if (item.EndsWith(" desc", StringComparison.OrdinalIgnoreCase))
        {
            descending = true;
            item = item[..^5];
        }
        else if (item.EndsWith(" asc", StringComparison.OrdinalIgnoreCase)) item = item[..^4];
        OrderByItems.Add(ColumnSql(Resolve(item.Trim())) + (descending ? " DESC" : ""));
    }
}
