namespace BaaS.Data;

/// <summary>
/// A query under construction, built with <c>db.From&lt;T&gt;()</c> (see <see cref="SqlExpression{T}"/> for the
/// fluent API). This base class holds the state and renders the SQL; it is what the untyped entry points such as
/// <c>db.Select&lt;TInto&gt;(SqlExpression)</c> accept. Field names given at run time are validated against the
/// metadata of the query's tables; values are always parameters.
/// </summary>
public abstract partial class SqlExpression
{
    private protected readonly List<JoinClause> Joins = [];
    private protected readonly List<SqlWriter> Ensures = [];
    private protected readonly List<string> OrderByItems = [];
    private protected readonly List<string> GroupByItems = [];
    private protected SqlWriter? WhereClause;
    private protected SqlWriter? HavingClause;
    private protected List<SelectItem>? SelectItems;
    private protected bool IsDistinct;

    private protected SqlExpression(DialectProvider dialect, ModelDefinition model)
    {
        Dialect = dialect;
        Model = model;
        Primary = new TableRef(model, dialect.QuoteTable(model));
    }

    /// <summary>The dialect the SQL is written for.</summary>
    public DialectProvider Dialect { get; }

    /// <summary>The model of the FROM table.</summary>
    public ModelDefinition Model { get; }

    /// <summary>The FROM table and every joined table, in order.</summary>
    public IReadOnlyList<ModelDefinition> Tables => [Model, .. Joins.Select(j => j.Table.Model)];

    /// <summary>Rows skipped (OFFSET), or null.</summary>
    public int? Offset { get; private protected set; }

    /// <summary>Rows returned at most (LIMIT), or null.</summary>
    public int? Rows { get; private protected set; }

    /// <summary>Whether a WHERE condition (or an ensured condition) has been added.</summary>
    public bool HasConditions => WhereClause != null || Ensures.Count > 0;

    /// <summary>Whether an explicit select list was given.</summary>
    public bool HasSelect => SelectItems != null;

    internal TableRef Primary { get; }

    /// <summary>
    /// The field a name refers to, for names chosen at run time: a C# property or column name of the FROM table,
    /// else of a joined table (in join order), or qualified as <c>Model.Field</c>. Case-insensitive.
    /// </summary>
    /// <exception cref="UnknownFieldException">No table of the query has it; the message suggests the closest name.</exception>
    public FieldDefinition ResolveField(string fieldName) => Resolve(fieldName).Field;

    /// <summary>The SELECT statement's text with the dialect's placeholders (values are never part of it): for logs and tests.</summary>
    public string ToSelectSql() => RenderSelect(paging: true, order: true, null).Render(Dialect).Sql;

    /// <summary>
    /// Finds a field of the query's tables by name (C# or column name, case-insensitive; <c>Table.Field</c> picks a
    /// table), without throwing: for callers that try several readings of a name.
    /// </summary>
    public bool TryResolveField(string fieldName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FieldDefinition? field)
    {
        field = string.IsNullOrWhiteSpace(fieldName) ? null : Find(fieldName.Trim())?.Field;
        return field != null;
    }

    /// <summary>The field names of the query's tables, for suggestions in error messages.</summary>
    public IEnumerable<string> FieldNames => AllTables().SelectMany(t => t.Model.Fields.Select(f => f.Name));

    internal (TableRef Table, FieldDefinition Field) Resolve(string fieldName)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        if (Find(fieldName.Trim()) is { } found) return found;
        var models = string.Join(", ", AllTables().Select(t => t.Model.Name));
        var suggestion = NameSuggestions.Closest(fieldName.Trim(), AllTables().SelectMany(t => t.Model.Fields.Select(f => f.Name)));
        throw new UnknownFieldException(models, fieldName, suggestion);
    }

    /// <summary>A field by C# or column name; <c>Table.Field</c> picks a table, else the first table that has it.</summary>
    private (TableRef Table, FieldDefinition Field)? Find(string name)
    {
        var dot = name.IndexOf('.');
        if (dot > 0)
        {
            var tableName = name[..dot];
            var table = AllTables().FirstOrDefault(t =>
                string.Equals(t.Model.Name, tableName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(t.Model.TableName, tableName, StringComparison.OrdinalIgnoreCase));
            if (table?.Model.FindField(name[(dot + 1)..]) is { } qualified) return (table, qualified);
        }
        foreach (var table in AllTables())
            if (table.Model.FindField(name) is { } f) return (table, f);
        return null;
    }

    internal IEnumerable<TableRef> AllTables()
    {
        yield return Primary;
        foreach (var j in Joins) yield return j.Table;
    }

    /// <summary>The field read by the first select item (null for an expression or the default list).</summary>
    internal FieldDefinition? FirstSelectField => SelectField(0);

    internal FieldDefinition? SelectField(int index) =>
        SelectItems != null ? (index < SelectItems.Count ? SelectItems[index].Field : null) : index < Model.Fields.Count ? Model.Fields[index] : null;

    internal string ColumnSql((TableRef Table, FieldDefinition Field) r) => Dialect.Column(r.Table.Qualifier, r.Field);

    private protected void AppendCondition(QueryTerm term, SqlWriter condition)
    {
        if (WhereClause == null)
        {
            WhereClause = condition;
            return;
        }
        // Each side in its own parentheses, so a later OR can never slip past an earlier AND (or the reverse).
        var combined = new SqlWriter().Append('(').Append(WhereClause).Append(term == QueryTerm.Or ? ") OR (" : ") AND (")
            .Append(condition).Append(')');
        WhereClause = combined;
    }

    private protected SqlWriter Condition(string fieldName, SqlOperator op, object? value)
    {
        var resolved = Resolve(fieldName);
        var w = new SqlWriter();
        Conditions.Write(w, Dialect, ColumnSql(resolved), resolved.Field, op, value);
        return w;
    }

    internal sealed record JoinClause(string Kind, TableRef Table, SqlWriter On);

    /// <summary>One item of the select list: its SQL (no parameters), alias, and the field it reads, if any.</summary>
    internal sealed record SelectItem(string Sql, string? Alias, FieldDefinition? Field);
}
