using System.Data.Common;
using System.Linq.Expressions;
using System.Text;

namespace BaaS.Data;

/// <summary>
/// Everything that differs between databases: opening connections, quoting, column types, value conversion,
/// reading columns, SQL fragments (paging, LIKE, upsert, decimal arithmetic) and error translation.
/// One instance per database kind (<c>SqliteDialect.Instance</c>, <c>PostgreSqlDialect.Instance</c>).
/// </summary>
public abstract partial class DialectProvider
{
    private static int _nextId;

    /// <summary>Creates the dialect and gives it a slot in the per-type statement caches.</summary>
    protected DialectProvider()
    {
        Id = Interlocked.Increment(ref _nextId) - 1;
        Instances.Enqueue(this);
    }

    /// <summary>A small number unique to this dialect instance, used to index per-dialect caches.</summary>
    internal int Id { get; }

    /// <summary>The database's name, e.g. <c>SQLite</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The database's name in telemetry (OpenTelemetry's <c>db.system</c>): <see cref="Name"/> in lower case.</summary>
    internal string TelemetryName => _telemetryName ??= Name.ToLowerInvariant();

    private string? _telemetryName;

    /// <summary>
    /// Whether the async API really awaits the driver. False for SQLite, whose driver is synchronous underneath: there
    /// the async methods run synchronously and skip the cost of a state machine per row.
    /// </summary>
    public abstract bool UseAsyncIO { get; }

    /// <summary>How many parameters one statement may carry (batched inserts are cut to fit).</summary>
    public abstract int MaxParameters { get; }

    /// <summary>How many rows one multi-row INSERT of InsertAll carries at most (before the parameter limit).</summary>
    public virtual int MaxBatchRows => 1000;

    /// <summary>
    /// Creates the pooled source of connections for a connection string. Called once per registered connection by
    /// <see cref="DbConnectionFactory"/>, which owns and disposes it.
    /// </summary>
    public abstract DbDataSource CreateDataSource(string connectionString);

    /// <summary>Quotes an identifier: <c>order</c> -> <c>"order"</c>, doubling embedded quotes.</summary>
    public virtual string QuoteIdentifier(string name)
    {
        if (name.Contains('\0')) throw new ArgumentException("An identifier cannot contain a NUL character.", nameof(name));
        return "\"" + name.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>The quoted table name, with its schema where the database has schemas: <c>"sales"."order"</c>.</summary>
    public virtual string QuoteTable(ModelDefinition model) => QuoteIdentifier(model.TableName);

    /// <summary>The placeholder for the parameter at <paramref name="index"/> (0-based): <c>@p0</c> or <c>$1</c>.</summary>
    public abstract string ParameterPlaceholder(int index);

    /// <summary>
    /// Adds the parameter at <paramref name="index"/> to <paramref name="command"/>, converting <paramref name="value"/>
    /// for storage as <paramref name="field"/> (or by its own type when there is no field).
    /// </summary>
    public abstract void AddParameter(DbCommand command, int index, object? value, FieldDefinition? field);

    /// <summary>
    /// Adds the parameter at <paramref name="index"/> to one statement of a <see cref="DbBatch"/>, converted as
    /// <see cref="AddParameter(DbCommand, int, object?, FieldDefinition?)"/> converts it. Only called when the driver
    /// can batch (<see cref="DbConnection.CanCreateBatch"/>); by default the parameter is named by
    /// <see cref="ParameterPlaceholder"/>.
    /// </summary>
    public virtual void AddParameter(DbBatchCommand command, int index, object? value, FieldDefinition? field)
    {
        ArgumentNullException.ThrowIfNull(command);
        var p = command.CreateParameter();
        p.ParameterName = ParameterPlaceholder(index);
        p.Value = ToDbValue(value, field);
        command.Parameters.Add(p);
    }

    /// <summary>Adds a named parameter (<c>@name</c> in raw SQL), converting the value by its own type.</summary>
    public abstract void AddNamedParameter(DbCommand command, string name, object? value);

    /// <summary>
    /// An expression that reads column <paramref name="ordinal"/> of <paramref name="reader"/> as the field's
    /// <see cref="FieldDefinition.ValueType"/>, for a column that is known not to be NULL. Compiled into materialisers.
    /// </summary>
    public abstract Expression ReadExpression(Expression reader, int ordinal, FieldDefinition field);

    /// <summary>
    /// The CLR type that <see cref="DbDataReader.GetFieldType"/> reports for a column this dialect created for
    /// <paramref name="field"/>; null when the driver's report cannot be relied on (SQLite is dynamically typed).
    /// Columns of raw SQL whose reported type differs are read through <see cref="FromDbValue"/>.
    /// </summary>
    public virtual Type? ProviderFieldType(FieldDefinition field) => null;

    /// <summary>Appends the quoted, qualified column: <c>"order"."total"</c>.</summary>
    internal string Column(string? tableQualifier, FieldDefinition field)
    {
        if (_columns.TryGetValue((field, tableQualifier), out var text)) return text;
        text = tableQualifier == null ? QuoteIdentifier(field.ColumnName) : tableQualifier + "." + QuoteIdentifier(field.ColumnName);
        if (_columns.Count < MaxCachedFragments) _columns.TryAdd((field, tableQualifier), text);
        return text;
    }

    /// <summary>Comma-separated quoted columns of the model: <c>"id", "name"</c>.</summary>
    internal string ColumnList(ModelDefinition model, string? qualifier)
    {
        if (_columnLists.TryGetValue((model, qualifier), out var text)) return text;
        var sb = new StringBuilder();
        foreach (var f in model.Fields)
        {
            if (sb.Length > 0) sb.Append(", ");
            sb.Append(Column(qualifier, f));
        }
        text = sb.ToString();
        if (_columnLists.Count < MaxCachedFragments) _columnLists.TryAdd((model, qualifier), text);
        return text;
    }

    // Quoted columns and column lists are the same for every statement on a model: built once, not per query. The keys
    // are fields and models (fixed at startup) with the table's name or an alias written in code; the bound keeps a
    // program that invents aliases at run time from growing the caches without end.
    private const int MaxCachedFragments = 50_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(FieldDefinition, string?), string> _columns = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(ModelDefinition, string?), string> _columnLists = new();
}
