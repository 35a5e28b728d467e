using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;

namespace BaaS.Data;

/// <summary>
/// Compiles, once per type and column set, the delegate that turns a data-reader row into an object, so that no
/// reflection runs per row. For columns (id, name, total) of <c>Order</c> the compiled delegate is, in C#:
/// <code>
/// r => new Order {
///     Id = r.IsDBNull(0) ? default : r.GetInt32(0),
///     Name = r.IsDBNull(1) ? default : r.GetString(1),
///     Total = r.IsDBNull(2) ? default : SqliteValues.ReadDecimal(r, 2) }
/// </code>
/// </summary>
internal static class Materializer
{
    private static readonly MethodInfo IsDbNull = typeof(DbDataReader).GetMethod(nameof(DbDataReader.IsDBNull), [typeof(int)])!;
    private static readonly MethodInfo GetValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetValue), [typeof(int)])!;
    private static readonly MethodInfo FromDbValue = typeof(DialectProvider).GetMethod(nameof(DialectProvider.FromDbValue))!;

    // Raw SQL: keyed by statement text, result type, dialect and column count, like Dapper's identity cache.
    private static readonly ConcurrentDictionary<(string Sql, Type Type, int Dialect, int Columns), Delegate> RawCache = new();

    /// <summary>Whether rows of <paramref name="t"/> are read as a single value (first column) rather than an object.</summary>
    public static bool IsScalar(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid)
               || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(TimeOnly)
               || t == typeof(TimeSpan) || t == typeof(byte[]) || t == typeof(object);
    }

    /// <summary>A reader for rows whose columns are exactly <paramref name="columns"/> (a null entry skips the column).</summary>
    public static Func<DbDataReader, T> Compile<T>(DialectProvider dialect, IReadOnlyList<FieldDefinition?> columns,
        IReadOnlyList<Type>? providerTypes = null)
    {
        var type = typeof(T);
        var ctor = type.GetConstructor(Type.EmptyTypes) ?? throw new NotSupportedException(
            $"{type.Name} needs a public parameterless constructor to be read from the database.");
        var reader = Expression.Parameter(typeof(DbDataReader), "r");
        var bindings = new List<MemberBinding>();
        var seen = new HashSet<string>();
        for (var i = 0; i < columns.Count; i++)
        {
            var f = columns[i];
            if (f == null || !f.CanWrite || !seen.Add(f.Name)) continue;
            Expression value;
            var expected = dialect.ProviderFieldType(f);
            if (providerTypes != null && expected != null && providerTypes[i] != expected)
            {
                // Raw SQL whose column type differs from the model's (count(*) into an int): convert generally.
                value = Expression.Convert(
                    Expression.Call(Expression.Constant(dialect), FromDbValue,
                        Expression.Call(reader, GetValue, Expression.Constant(i)), Expression.Constant(f.ValueType, typeof(Type)),
                        Expression.Constant(f, typeof(FieldDefinition))),
                    f.ValueType);
            }
            else value = dialect.ReadExpression(reader, i, f);
            if (value.Type != f.PropertyType) value = Expression.Convert(value, f.PropertyType);
            var read = Expression.Condition(
                Expression.Call(reader, IsDbNull, Expression.Constant(i)), Expression.Default(f.PropertyType), value);
            bindings.Add(Expression.Bind(f.Property, read));
        }
        var body = Expression.MemberInit(Expression.New(ctor), bindings);
        return Expression.Lambda<Func<DbDataReader, T>>(body, reader).Compile();
    }

    /// <summary>A reader that returns the first column converted to <typeparamref name="T"/>.</summary>
    public static Func<DbDataReader, T> Scalar<T>(DialectProvider dialect, FieldDefinition? field = null)
    {
        var target = typeof(T);
        if (target == typeof(object)) return r => (T)dialect.FromDbValue(r.GetValue(0), typeof(object), null)!;
        return r =>
        {
            if (r.IsDBNull(0)) return default!;
            return (T)dialect.FromDbValue(r.GetValue(0), target, field)!;
        };
    }

    /// <summary>The reader for raw SQL: columns matched to <typeparamref name="T"/>'s fields by column or property name.</summary>
    public static Func<DbDataReader, T> ForRawSql<T>(DialectProvider dialect, string sql, DbDataReader reader)
    {
        var key = (sql, typeof(T), dialect.Id, reader.FieldCount);
        if (RawCache.TryGetValue(key, out var cached)) return (Func<DbDataReader, T>)cached;
        Func<DbDataReader, T> compiled;
        if (typeof(T) == typeof(object[]))
        {
            // Untyped rows (raw Dictionary): every column as the driver returns it, DBNull as null.
            compiled = (Func<DbDataReader, T>)(object)(Func<DbDataReader, object?[]>)(r =>
            {
                var values = new object?[r.FieldCount];
                for (var i = 0; i < values.Length; i++) values[i] = r.IsDBNull(i) ? null : r.GetValue(i);
                return values;
            });
        }
        else if (IsScalar(typeof(T))) compiled = Scalar<T>(dialect);
        else
        {
            var model = ModelDefinition.For(typeof(T));
            var columns = new FieldDefinition?[reader.FieldCount];
            var types = new Type[reader.FieldCount];
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i] = model.FindField(reader.GetName(i));
                types[i] = reader.GetFieldType(i);
            }
            compiled = Compile<T>(dialect, columns, types);
        }
        RawCache.TryAdd(key, compiled);
        return compiled;
    }
}
