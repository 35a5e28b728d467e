using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace BaaS.Data.Sqlite;

/// <summary>
/// SQLite through Microsoft.Data.Sqlite: the embedded default. Storage per type is described in docs/data.md;
/// in short, integers and bools are INTEGER, decimals with <c>[DecimalLength(p, s)]</c> (p &lt;= 18) INTEGER scaled by
/// 10^s, other decimals exact TEXT with a numeric collation, dates fixed-width UTC
/// TEXT, Guids lower-case TEXT, TimeSpan INTEGER ticks, enums TEXT names, complex values JSON TEXT.
/// </summary>
public sealed partial class SqliteDialect : DialectProvider
{
    private static readonly string[] ParamNames = Enumerable.Range(0, 256).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private SqliteDialect()
    {
    }

    /// <summary>The SQLite dialect.</summary>
    public static SqliteDialect Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "SQLite";

    /// <summary>False: Microsoft.Data.Sqlite is synchronous underneath, so the async API runs synchronously.</summary>
    public override bool UseAsyncIO => false;

    /// <summary>SQLite's default limit on host parameters (SQLITE_MAX_VARIABLE_NUMBER).</summary>
    public override int MaxParameters => 32766;

    /// <summary>
    /// 50: Microsoft.Data.Sqlite binds each parameter by looking its name up in the statement, which grows with the
    /// square of the parameter count; small multi-row statements, re-bound and re-run, are the fastest here.
    /// </summary>
    public override int MaxBatchRows => 50;

    /// <inheritdoc />
    public override DbDataSource CreateDataSource(string connectionString) => new SqliteDataSource(connectionString);

    /// <inheritdoc />
    public override string ParameterPlaceholder(int index) =>
        index < ParamNames.Length ? ParamNames[index] : "@p" + index.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override void AddParameter(DbCommand command, int index, object? value, FieldDefinition? field)
    {
        var p = command.CreateParameter();
        p.ParameterName = ParameterPlaceholder(index);
        p.Value = ToDbValue(value, field);
        command.Parameters.Add(p);
    }

    /// <inheritdoc />
    public override void AddNamedParameter(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name.Length > 0 && name[0] is '@' or ':' or '$' ? name : "@" + name;
        p.Value = ToDbValue(value, null);
        command.Parameters.Add(p);
    }

    /// <inheritdoc />
    protected override object ConvertForStorage(object value, DataKind kind, Type valueType) => kind switch
    {
        DataKind.Decimal => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        DataKind.Guid => ((Guid)value).ToString("D"),
        DataKind.DateTime => DateTimeValues.ToText((DateTime)value),
        DataKind.DateTimeOffset => DateTimeValues.ToText(((DateTimeOffset)value).UtcDateTime),
        DataKind.DateOnly => ((DateOnly)value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DataKind.TimeOnly => ((TimeOnly)value).ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        DataKind.TimeSpan => ((TimeSpan)value).Ticks,
        DataKind.EnumString => value.ToString()!,
        DataKind.EnumInt => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        DataKind.Json => DataJson.Serialize(value, valueType == typeof(object) ? value.GetType() : valueType),
        _ => value,
    };

    /// <inheritdoc />
    public override string ColumnType(FieldDefinition field) => field.Kind switch
    {
        DataKind.Boolean or DataKind.Byte or DataKind.Int16 or DataKind.Int32 or DataKind.Int64 or DataKind.EnumInt
            or DataKind.TimeSpan => "INTEGER",
        DataKind.Single or DataKind.Double => "REAL",
        DataKind.Decimal when DecimalStorageScale(field) != null => "INTEGER",
        DataKind.Decimal => "TEXT COLLATE " + SqliteFunctions.DecimalCollation,
        DataKind.Bytes => "BLOB",
        _ => "TEXT",
    };

    /// <summary>SQLite's rowid alias: <c>INTEGER PRIMARY KEY AUTOINCREMENT</c> (ids are never reused).</summary>
    protected override string AutoIncrementClause(FieldDefinition field) => "PRIMARY KEY AUTOINCREMENT";

    /// <inheritdoc />
    protected override string DefaultSqlExpression(string sql, FieldDefinition field)
    {
        var upper = sql.Trim().ToUpperInvariant();
        return (upper, field.Kind) switch
        {
            // Same fixed-width text as the values BaaS.Data writes, so defaults and written values compare and sort together.
            ("CURRENT_TIMESTAMP", DataKind.DateTime or DataKind.DateTimeOffset) => "(strftime('%Y-%m-%d %H:%M:%f0000', 'now'))",
            ("CURRENT_DATE", DataKind.DateTime or DataKind.DateTimeOffset) => "(strftime('%Y-%m-%d 00:00:00.0000000', 'now'))",
            ("CURRENT_DATE", _) => "(date('now'))",
            _ => "(" + sql + ")",
        };
    }

    /// <inheritdoc />
    protected override string Literal(object stored) => stored is bool b ? (b ? "1" : "0") : base.Literal(stored);

    /// <inheritdoc />
    internal override void WriteLike(SqlWriter w, string columnSql, string escapedPattern)
    {
        // SQLite's LIKE folds ASCII only: compare the Unicode-lowered column with the lowered pattern.
        w.Append("baas_lower(").Append(columnSql).Append(") LIKE ").Param(escapedPattern.ToLowerInvariant(), null).Append(" ESCAPE '\\'");
    }

    /// <inheritdoc />
    public override string Lower(string sql) => $"baas_lower({sql})";

    /// <inheritdoc />
    public override string Upper(string sql) => $"baas_upper({sql})";

    /// <inheritdoc />
    public override string Aggregate(AggregateFunction function, string? columnSql, FieldDefinition? field)
    {
        if (field != null && DecimalStorageScale(field) is { } scale) return ScaledAggregate(function, columnSql, field, scale);
        // Function results carry no collation: give decimal aggregates the decimal one, so HAVING SUM(x) > @p and
        // ORDER BY compare numbers, not text.
        if (field?.Kind == DataKind.Decimal && function != AggregateFunction.Count)
        {
            var inner = function switch
            {
                AggregateFunction.Sum => $"baas_dec_sum({columnSql})",
                AggregateFunction.Avg => $"baas_dec_avg({columnSql})",
                _ => base.Aggregate(function, columnSql, field),
            };
            return $"({inner} COLLATE {SqliteFunctions.DecimalCollation})";
        }
        return base.Aggregate(function, columnSql, field);
    }

    /// <inheritdoc />
    internal override void WriteAdd(SqlWriter w, string columnSql, object value, FieldDefinition field)
    {
        if (DecimalStorageScale(field) is { } scale)
        {
            WriteScaledAdd(w, columnSql, (decimal)value, field, scale);
            return;
        }
        if (field.Kind != DataKind.Decimal)
        {
            base.WriteAdd(w, columnSql, value, field);
            return;
        }
        w.Append("baas_dec_add(").Append(columnSql).Append(", ").Param(value, field.DecimalPrecision != null ? null : field).Append(')');
    }

    /// <inheritdoc />
    internal override void WritePaging(SqlWriter w, int? skip, int? take)
    {
        // SQLite needs a LIMIT before an OFFSET; -1 means no limit.
        if (take == null && skip is > 0) w.Append(" LIMIT -1");
        base.WritePaging(w, skip, take);
    }

    /// <inheritdoc />
    internal override void WriteTableExists(SqlWriter w, string tableName, string? schema) =>
        w.Append("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ").Param(tableName, null);

    /// <inheritdoc />
    internal override void WriteColumnExists(SqlWriter w, string tableName, string? schema, string columnName) =>
        w.Append("SELECT 1 FROM pragma_table_info(").Param(tableName, null).Append(") WHERE name = ").Param(columnName, null);

    /// <summary>None: SQLite transactions begin IMMEDIATE, which already takes the write lock.</summary>
    public override string? MigrationLockStatement(ModelDefinition migrationsTable) => null;
}
