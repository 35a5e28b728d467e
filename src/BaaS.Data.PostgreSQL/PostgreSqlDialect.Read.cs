using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Npgsql;

namespace BaaS.Data.PostgreSQL;

public sealed partial class PostgreSqlDialect
{
    private static readonly Type R = typeof(DbDataReader);

    /// <inheritdoc />
    public override Expression ReadExpression(Expression reader, int ordinal, FieldDefinition field)
    {
        var i = Expression.Constant(ordinal);
        Expression Get(string method) => Expression.Call(reader, R.GetMethod(method, [typeof(int)])!, i);
        Expression FieldValue(Type t) => Expression.Call(reader, R.GetMethod(nameof(DbDataReader.GetFieldValue))!.MakeGenericMethod(t), i);
        Expression Helper(string method, Type? generic = null)
        {
            var m = typeof(PgValues).GetMethod(method, BindingFlags.Public | BindingFlags.Static)!;
            return Expression.Call(generic != null ? m.MakeGenericMethod(generic) : m, reader, i);
        }

        return field.Kind switch
        {
            DataKind.Boolean => Get(nameof(DbDataReader.GetBoolean)),
            DataKind.Byte => Expression.Convert(Get(nameof(DbDataReader.GetInt16)), typeof(byte)),
            DataKind.Int16 => Get(nameof(DbDataReader.GetInt16)),
            DataKind.Int32 => Get(nameof(DbDataReader.GetInt32)),
            DataKind.Int64 => Get(nameof(DbDataReader.GetInt64)),
            DataKind.Single => Get(nameof(DbDataReader.GetFloat)),
            DataKind.Double => Get(nameof(DbDataReader.GetDouble)),
            DataKind.Decimal => Get(nameof(DbDataReader.GetDecimal)),
            DataKind.String => Helper(nameof(PgValues.ReadString)),
            DataKind.Guid => Get(nameof(DbDataReader.GetGuid)),
            DataKind.DateTime => Get(nameof(DbDataReader.GetDateTime)),
            DataKind.DateTimeOffset => Helper(nameof(PgValues.ReadDateTimeOffset)),
            DataKind.DateOnly => FieldValue(typeof(DateOnly)),
            DataKind.TimeOnly => FieldValue(typeof(TimeOnly)),
            DataKind.TimeSpan => FieldValue(typeof(TimeSpan)),
            DataKind.Bytes => FieldValue(typeof(byte[])),
            DataKind.EnumString or DataKind.EnumInt => Helper(nameof(PgValues.ReadEnum), field.ValueType),
            DataKind.Json => Helper(nameof(PgValues.ReadJson), field.ValueType),
            _ => throw new NotSupportedException(field.ToString()),
        };
    }

    /// <inheritdoc />
    public override Exception? TranslateException(DbException exception, string? sql)
    {
        if (AsUnavailable(exception) is { } unavailable) return unavailable;
        if (exception is not PostgresException ex) return null;
        switch (ex.SqlState)
        {
            case PostgresErrorCodes.UniqueViolation:
                return ConstraintException(ConstraintKind.Unique, ex.TableName, [], ex.ConstraintName, ex);
            case PostgresErrorCodes.ForeignKeyViolation:
                return ConstraintException(ConstraintKind.ForeignKey, ex.TableName, [], ex.ConstraintName, ex);
            case PostgresErrorCodes.NotNullViolation:
                return ConstraintException(ConstraintKind.NotNull, ex.TableName, ex.ColumnName != null ? [ex.ColumnName] : [], null, ex);
            case PostgresErrorCodes.CheckViolation:
                return ConstraintException(ConstraintKind.Check, ex.TableName, [], ex.ConstraintName, ex);
            case PostgresErrorCodes.ExclusionViolation:
                return ConstraintException(ConstraintKind.Other, ex.TableName, [], ex.ConstraintName, ex);
            case PostgresErrorCodes.UndefinedTable:
                // relation "order" does not exist
                return SchemaException(Quoted(ex.MessageText) ?? ex.TableName, null, sql, ex);
            case PostgresErrorCodes.UndefinedColumn:
                // column "totl" does not exist / column "totl" of relation "order" does not exist
                return SchemaException(ex.TableName ?? QuotedAfter(ex.MessageText, "relation "), Quoted(ex.MessageText), sql, ex);
            default:
                return null;
        }
    }

    private static string? Quoted(string text)
    {
        var start = text.IndexOf('"');
        if (start < 0) return null;
        var end = text.IndexOf('"', start + 1);
        return end < 0 ? null : text[(start + 1)..end];
    }

    private static string? QuotedAfter(string text, string marker)
    {
        var i = text.IndexOf(marker, StringComparison.Ordinal);
        return i < 0 ? null : Quoted(text[i..]);
    }
}
