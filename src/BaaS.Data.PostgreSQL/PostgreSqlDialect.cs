using System.Collections;
using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace BaaS.Data.PostgreSQL;

/// <summary>
/// PostgreSQL through Npgsql: the production database. One pooled <see cref="NpgsqlDataSource"/> per registered
/// connection string; positional parameters (<c>$1</c>), so Npgsql sends statements without rewriting them;
/// decimals as <c>numeric</c>, dates as <c>timestamptz</c>, Guids as <c>uuid</c>, complex values as <c>jsonb</c>.
/// </summary>
public sealed partial class PostgreSqlDialect : DialectProvider
{
    private static readonly string[] Placeholders = Enumerable.Range(1, 256).Select(i => "$" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private PostgreSqlDialect()
    {
    }

    /// <summary>The PostgreSQL dialect.</summary>
    public static PostgreSqlDialect Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "PostgreSQL";

    /// <summary>True: Npgsql does real asynchronous I/O.</summary>
    public override bool UseAsyncIO => true;

    /// <summary>The protocol's limit of 65535 parameters per statement.</summary>
    public override int MaxParameters => 65535;

    /// <summary>
    /// The statements each pooled connection keeps prepared on the server when the connection string does not say
    /// (<c>Max Auto Prepare</c>): the platform sends a few shapes of SQL over and over (get by id, a page, an insert),
    /// and a prepared statement skips the server's parse and plan on every later call.
    /// </summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// A pooled data source for the connection string, with two defaults the string can override:
    /// <see cref="DefaultMaxAutoPrepare"/> automatic statement preparation (<c>Max Auto Prepare</c>; 0 turns it off, for
    /// a transaction-pooling proxy such as PgBouncer before 1.21), and <c>No Reset On Close=true</c>: a connection goes
    /// back to the pool without Npgsql's session reset (<c>DISCARD ALL</c> or its equivalent, sent before the next
    /// user's first statement). The platform leaves no session state behind (its <c>SET</c>s are <c>SET LOCAL</c>, its
    /// advisory locks end with their transaction, and <see cref="ListenAsync"/> unlistens when it stops); an app whose
    /// own SQL sets session state (<c>SET</c>, temporary tables, session advisory locks) sets
    /// <c>No Reset On Close=false</c>. An open transaction is rolled back either way.
    /// </summary>
    public override DbDataSource CreateDataSource(string connectionString)
    {
        // The generic builder holds only what the string says (Npgsql's own answers ContainsKey for every keyword it knows).
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var prepare = !given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare");
        var noReset = !given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose");
        if (!prepare && !noReset) return NpgsqlDataSource.Create(connectionString);
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (prepare) settings.MaxAutoPrepare = DefaultMaxAutoPrepare;
        if (noReset) settings.NoResetOnClose = true;
        return NpgsqlDataSource.Create(settings.ConnectionString);
    }

    /// <inheritdoc />
    public override string QuoteTable(ModelDefinition model) =>
        model.Schema == null ? QuoteIdentifier(model.TableName) : QuoteIdentifier(model.Schema) + "." + QuoteIdentifier(model.TableName);

    /// <inheritdoc />
    public override string ParameterPlaceholder(int index) =>
        index < Placeholders.Length ? Placeholders[index] : "$" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override void AddParameter(DbCommand command, int index, object? value, FieldDefinition? field) =>
        command.Parameters.Add(Positional(value, field));

    /// <inheritdoc />
    public override void AddParameter(DbBatchCommand command, int index, object? value, FieldDefinition? field) =>
        command.Parameters.Add(Positional(value, field));

    // Unnamed parameters put Npgsql in positional mode: $1, $2 ... are sent as they are, no SQL rewriting.
    private NpgsqlParameter Positional(object? value, FieldDefinition? field)
    {
        var p = new NpgsqlParameter { Value = ToDbValue(value, field) };
        if ((field?.Kind ?? (value == null ? DataKind.String : KindOfValue(value.GetType()))) == DataKind.Json) p.NpgsqlDbType = NpgsqlDbType.Jsonb;
        return p;
    }

    /// <inheritdoc />
    public override void AddNamedParameter(DbCommand command, string name, object? value)
    {
        var trimmed = name.Length > 0 && name[0] is '@' or ':' ? name[1..] : name;
        var p = new NpgsqlParameter { ParameterName = trimmed };
        if (value is IEnumerable and not string and not byte[] and not IDictionary && value.GetType() is var t
            && (t.IsArray || t.IsGenericType) && IsArrayElement(t))
        {
            // Arrays and lists of simple values go as PostgreSQL arrays, for "= ANY(@ids)".
            p.Value = value;
        }
        else
        {
            p.Value = ToDbValue(value, null);
            if (value != null && KindOfValue(value.GetType()) == DataKind.Json) p.NpgsqlDbType = NpgsqlDbType.Jsonb;
        }
        command.Parameters.Add(p);
    }

    private static bool IsArrayElement(Type t)
    {
        var element = t.IsArray ? t.GetElementType()! : t.GetGenericArguments()[0];
        element = Nullable.GetUnderlyingType(element) ?? element;
        return element.IsPrimitive || element == typeof(Guid) || element == typeof(decimal) || element == typeof(DateTime);
    }

    /// <inheritdoc />
    protected override object ConvertForStorage(object value, DataKind kind, Type valueType) => kind switch
    {
        DataKind.String => PgText.Encode((string)value),
        DataKind.Byte => (short)(byte)value,
        DataKind.DateTime => DateTimeValues.AsUtc((DateTime)value),
        // timestamptz keeps the instant, not the offset: Npgsql accepts only offset 0.
        DataKind.DateTimeOffset => ((DateTimeOffset)value).ToUniversalTime(),
        DataKind.Decimal => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        DataKind.EnumString => value.ToString()!,
        DataKind.EnumInt => Enum.GetUnderlyingType(valueType) == typeof(long)
            ? Convert.ToInt64(value, CultureInfo.InvariantCulture)
            : Convert.ToInt32(value, CultureInfo.InvariantCulture),
        DataKind.Json => DataJson.Serialize(value, valueType == typeof(object) ? value.GetType() : valueType),
        _ => value,
    };

    /// <inheritdoc />
    protected internal override string DecodeString(string stored) => PgText.Decode(stored);

    /// <inheritdoc />
    public override string ColumnType(FieldDefinition field) => field.Kind switch
    {
        DataKind.Boolean => "boolean",
        DataKind.Byte or DataKind.Int16 => "smallint",
        DataKind.Int32 => "integer",
        DataKind.Int64 => "bigint",
        DataKind.Single => "real",
        DataKind.Double => "double precision",
        DataKind.Decimal => field.DecimalPrecision is { } precision
            ? $"numeric({precision.ToString(CultureInfo.InvariantCulture)},{field.DecimalScale!.Value.ToString(CultureInfo.InvariantCulture)})"
            : "numeric",
        DataKind.String or DataKind.EnumString => "text",
        DataKind.Guid => "uuid",
        DataKind.DateTime or DataKind.DateTimeOffset => "timestamp with time zone",
        DataKind.DateOnly => "date",
        DataKind.TimeOnly => "time without time zone",
        DataKind.TimeSpan => "interval",
        DataKind.EnumInt => Enum.GetUnderlyingType(field.ValueType) == typeof(long) ? "bigint" : "integer",
        DataKind.Bytes => "bytea",
        DataKind.Json => "jsonb",
        _ => throw new NotSupportedException(field.ToString()),
    };

    /// <inheritdoc />
    public override Type? ProviderFieldType(FieldDefinition field) => field.Kind switch
    {
        DataKind.Boolean => typeof(bool),
        DataKind.Byte or DataKind.Int16 => typeof(short),
        DataKind.Int32 => typeof(int),
        DataKind.Int64 => typeof(long),
        DataKind.Single => typeof(float),
        DataKind.Double => typeof(double),
        DataKind.Decimal => typeof(decimal),
        DataKind.String or DataKind.EnumString or DataKind.Json => typeof(string),
        DataKind.Guid => typeof(Guid),
        DataKind.DateTime or DataKind.DateTimeOffset or DataKind.DateOnly => typeof(DateTime),
        DataKind.TimeOnly or DataKind.TimeSpan => typeof(TimeSpan),
        DataKind.EnumInt => Enum.GetUnderlyingType(field.ValueType) == typeof(long) ? typeof(long) : typeof(int),
        DataKind.Bytes => typeof(byte[]),
        _ => null,
    };

    /// <summary>An identity column that still accepts explicit ids (for upserts and data imports).</summary>
    protected override string AutoIncrementClause(FieldDefinition field) =>
        $"GENERATED BY DEFAULT AS IDENTITY CONSTRAINT {QuoteIdentifier("pk_" + field.Model.TableName)} PRIMARY KEY";

    /// <inheritdoc />
    protected override string DefaultSqlExpression(string sql, FieldDefinition field) =>
        sql.Trim().ToUpperInvariant() is "CURRENT_TIMESTAMP" or "CURRENT_DATE" ? sql.Trim().ToUpperInvariant() : "(" + sql + ")";

    /// <inheritdoc />
    internal override void WriteLike(SqlWriter w, string columnSql, string escapedPattern) =>
        w.Append(columnSql).Append(" ILIKE ").Param(escapedPattern, null).Append(" ESCAPE '\\'");

    /// <inheritdoc />
    public override string Lower(string sql) => $"lower({sql})";

    /// <inheritdoc />
    public override string Upper(string sql) => $"upper({sql})";

    /// <inheritdoc />
    /// <remarks>
    /// MIN and MAX of text compare by code point (<c>MAX("name" COLLATE "C")</c>), as SQLite's default BINARY collation
    /// does, so both databases give the same answer whatever locale the database was created with.
    /// </remarks>
    public override string Aggregate(AggregateFunction function, string? columnSql, FieldDefinition? field) =>
        function is AggregateFunction.Min or AggregateFunction.Max && field?.Kind == DataKind.String
            ? base.Aggregate(function, columnSql + " COLLATE \"C\"", field)
            : base.Aggregate(function, columnSql, field);

    /// <summary>PostgreSQL's "numeric field overflow" (22003): a sum computed by the database beyond numeric(p,s).</summary>
    internal override bool IsNumericOverflow(Exception exception, FieldDefinition field) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.NumericValueOutOfRange };

    /// <inheritdoc />
    public override IReadOnlyList<string> PrepareTableStatements(ModelDefinition model) =>
        model.Schema == null ? [] : [$"CREATE SCHEMA IF NOT EXISTS {QuoteIdentifier(model.Schema)}"];

    /// <inheritdoc />
    internal override void WriteTableExists(SqlWriter w, string tableName, string? schema)
    {
        w.Append("SELECT 1 FROM information_schema.tables WHERE table_name = ").Param(tableName, null)
         .Append(" AND table_schema = ");
        if (schema == null) w.Append("current_schema()");
        else w.Param(schema, null);
    }

    /// <inheritdoc />
    internal override void WriteColumnExists(SqlWriter w, string tableName, string? schema, string columnName)
    {
        w.Append("SELECT 1 FROM information_schema.columns WHERE table_name = ").Param(tableName, null)
         .Append(" AND column_name = ").Param(columnName, null).Append(" AND table_schema = ");
        if (schema == null) w.Append("current_schema()");
        else w.Param(schema, null);
    }

    /// <summary>Locks the migrations table so concurrent migrators (several nodes starting at once) run one at a time.</summary>
    public override string? MigrationLockStatement(ModelDefinition migrationsTable) =>
        $"LOCK TABLE {QuoteTable(migrationsTable)} IN EXCLUSIVE MODE";
}
