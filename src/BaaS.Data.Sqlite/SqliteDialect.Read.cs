using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace BaaS.Data.Sqlite;

public sealed partial class SqliteDialect
{
    private static readonly Type R = typeof(DbDataReader);

    /// <inheritdoc />
    public override Expression ReadExpression(Expression reader, int ordinal, FieldDefinition field)
    {
        var i = Expression.Constant(ordinal);
        Expression Get(string method) => Expression.Call(reader, R.GetMethod(method, [typeof(int)])!, i);
        Expression Helper(string method) => Expression.Call(typeof(SqliteValues).GetMethod(method, BindingFlags.Public | BindingFlags.Static)!, reader, i);
        Expression Generic(string method) => Expression.Call(
            typeof(SqliteValues).GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.MakeGenericMethod(field.ValueType), reader, i);

        return field.Kind switch
        {
            DataKind.Boolean => Get(nameof(DbDataReader.GetBoolean)),
            DataKind.Byte => Get(nameof(DbDataReader.GetByte)),
            DataKind.Int16 => Get(nameof(DbDataReader.GetInt16)),
            DataKind.Int32 => Get(nameof(DbDataReader.GetInt32)),
            DataKind.Int64 => Get(nameof(DbDataReader.GetInt64)),
            DataKind.Single => Get(nameof(DbDataReader.GetFloat)),
            DataKind.Double => Get(nameof(DbDataReader.GetDouble)),
            DataKind.String => Get(nameof(DbDataReader.GetString)),
            DataKind.Decimal when DecimalStorageScale(field) is { } scale => Expression.Call(
                typeof(SqliteValues).GetMethod(nameof(SqliteValues.ReadScaledDecimal), BindingFlags.Public | BindingFlags.Static)!,
                reader, i, Expression.Constant(scale)),
            DataKind.Decimal => Helper(nameof(SqliteValues.ReadDecimal)),
            DataKind.Guid => Helper(nameof(SqliteValues.ReadGuid)),
            DataKind.DateTime => Helper(nameof(SqliteValues.ReadDateTime)),
            DataKind.DateTimeOffset => Helper(nameof(SqliteValues.ReadDateTimeOffset)),
            DataKind.DateOnly => Helper(nameof(SqliteValues.ReadDateOnly)),
            DataKind.TimeOnly => Helper(nameof(SqliteValues.ReadTimeOnly)),
            DataKind.TimeSpan => Helper(nameof(SqliteValues.ReadTimeSpan)),
            DataKind.Bytes => Helper(nameof(SqliteValues.ReadBytes)),
            DataKind.EnumString or DataKind.EnumInt => Generic(nameof(SqliteValues.ReadEnum)),
            DataKind.Json => Generic(nameof(SqliteValues.ReadJson)),
            _ => throw new NotSupportedException(field.ToString()),
        };
    }

    /// <inheritdoc />
    public override Exception? TranslateException(DbException exception, string? sql)
    {
        if (AsUnavailable(exception) is { } unavailable) return unavailable;
        if (exception is not SqliteException ex) return null;
        var message = ex.Message;
        if (ex.SqliteErrorCode == 19)
        {
            // "SQLite Error 19: 'UNIQUE constraint failed: customer.email, customer.tenant_id'."
            var detail = After(message, "constraint failed: ");
            var kind = ex.SqliteExtendedErrorCode switch
            {
                2067 or 1555 => ConstraintKind.Unique,
                787 => ConstraintKind.ForeignKey,
                1299 => ConstraintKind.NotNull,
                275 => ConstraintKind.Check,
                _ => ConstraintKind.Other,
            };
            if (kind is ConstraintKind.Check or ConstraintKind.Other) return ConstraintException(kind, null, [], detail, ex);
            string? table = null;
            var columns = new List<string>();
            foreach (var part in (detail ?? "").Split(", ", StringSplitOptions.RemoveEmptyEntries))
            {
                var dot = part.LastIndexOf('.');
                if (dot < 0) continue;
                table ??= part[..dot];
                columns.Add(part[(dot + 1)..]);
            }
            return ConstraintException(kind, table, columns, null, ex);
        }
        if (ex.SqliteErrorCode == 1)
        {
            if (After(message, "no such table: ") is { } table) return SchemaException(table, null, sql, ex);
            if (After(message, "no such column: ") is { } column) return SchemaException(null, column, sql, ex);
            // "table order has no column named totl"
            var idx = message.IndexOf(" has no column named ", StringComparison.Ordinal);
            if (idx > 0 && After(message, "table ") is { } rest)
            {
                var t = rest.Split(' ')[0];
                return SchemaException(t, After(message, " has no column named "), sql, ex);
            }
        }
        return null;
    }

    private static string? After(string message, string marker)
    {
        var i = message.IndexOf(marker, StringComparison.Ordinal);
        if (i < 0) return null;
        var rest = message[(i + marker.Length)..];
        var end = rest.IndexOf('\'');
        return (end >= 0 ? rest[..end] : rest).TrimEnd('.', ' ');
    }
}
