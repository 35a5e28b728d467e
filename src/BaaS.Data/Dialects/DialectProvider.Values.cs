using System.Collections;
using System.Globalization;
using BaaS.DataAnnotations;

namespace BaaS.Data;

public abstract partial class DialectProvider
{
    /// <summary>
    /// The value as the driver should receive it for a column of <paramref name="field"/> (or, without a field, for a
    /// value of its own type): <see cref="DBNull.Value"/> for null, enums as names, UTC dates, and so on. A value for a
    /// decimal with <c>[DecimalLength]</c> is written into it: rounded to its scale, refused beyond its precision
    /// (conditions bind their values without the field, so they compare exactly).
    /// </summary>
    /// <exception cref="InvalidFieldValueException">The value cannot be converted to the field's type.</exception>
    public object ToDbValue(object? value, FieldDefinition? field)
    {
        if (value is null or DBNull) return DBNull.Value;
        if (field == null) return ConvertForStorage(value, KindOfValue(value.GetType()), value.GetType());
        var coerced = Coerce(value, field);
        if (field.DecimalPrecision != null) coerced = FitDecimal((decimal)coerced, field);
        return ConvertFieldForStorage(coerced, field);
    }

    /// <summary>Converts a value that already has the CLR type of <paramref name="kind"/> into what the driver stores.</summary>
    protected abstract object ConvertForStorage(object value, DataKind kind, Type valueType);

    /// <summary>
    /// Converts a value read from the database (anything the driver returns) into <paramref name="target"/>;
    /// <paramref name="field"/>, when known, decides enum and JSON handling.
    /// </summary>
    public virtual object? FromDbValue(object? value, Type target, FieldDefinition? field)
    {
        if (value is null or DBNull) return null;
        var t = Nullable.GetUnderlyingType(target) ?? target;
        if (value is string s0 && t == typeof(string)) return DecodeString(s0);
        var kind = field != null && field.ValueType == t ? field.Kind : KindOfValue(t);
        switch (kind)
        {
            case DataKind.EnumString:
            case DataKind.EnumInt:
                return value is string name ? Enum.Parse(t, name, ignoreCase: true) : Enum.ToObject(t, Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case DataKind.Json:
                if (t.IsInstanceOfType(value) && value is not string) return value;
                return DataJson.Deserialize(value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture)!, t);
            case DataKind.Decimal:
                return value is string ds ? decimal.Parse(ds, NumberStyles.Float, CultureInfo.InvariantCulture) : Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            case DataKind.Guid:
                return value switch { Guid g => g, string gs => Guid.Parse(gs), byte[] b => new Guid(b), _ => Guid.Parse(value.ToString()!) };
            case DataKind.DateTime:
                return value switch
                {
                    DateTime dt => DateTimeValues.AsUtc(dt),
                    DateTimeOffset dto => dto.UtcDateTime,
                    string ds2 => DateTimeValues.ParseUtc(ds2),
                    _ => Convert.ToDateTime(value, CultureInfo.InvariantCulture),
                };
            case DataKind.DateTimeOffset:
                return value switch
                {
                    DateTimeOffset dto => dto.ToUniversalTime(),
                    DateTime dt => new DateTimeOffset(DateTimeValues.AsUtc(dt)),
                    string ds3 => new DateTimeOffset(DateTimeValues.ParseUtc(ds3)),
                    _ => throw CannotConvert(value, t),
                };
            case DataKind.DateOnly:
                return value switch
                {
                    DateOnly d => d,
                    DateTime dt => DateOnly.FromDateTime(dt),
                    string ds4 => DateOnly.Parse(ds4, CultureInfo.InvariantCulture),
                    _ => throw CannotConvert(value, t),
                };
            case DataKind.TimeOnly:
                return value switch
                {
                    TimeOnly to => to,
                    TimeSpan ts => TimeOnly.FromTimeSpan(ts),
                    string ts2 => TimeOnly.Parse(ts2, CultureInfo.InvariantCulture),
                    _ => throw CannotConvert(value, t),
                };
            case DataKind.TimeSpan:
                return value switch
                {
                    TimeSpan ts => ts,
                    long ticks => new TimeSpan(ticks),
                    string ts3 => TimeSpan.Parse(ts3, CultureInfo.InvariantCulture),
                    _ => new TimeSpan(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
                };
            case DataKind.Boolean:
                return value is string bs ? bs is "1" || bool.Parse(bs) : Convert.ToBoolean(value, CultureInfo.InvariantCulture);
            case DataKind.Bytes:
                return value as byte[] ?? throw CannotConvert(value, t);
            default:
                return t.IsInstanceOfType(value) ? value : Convert.ChangeType(value, t, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Undoes any encoding this dialect applies to stored strings (see PostgreSQL's NUL handling).</summary>
    protected internal virtual string DecodeString(string stored) => stored;

    /// <summary>The storage kind for a value of type <paramref name="t"/> that has no field: raw SQL parameters and results.</summary>
    public static DataKind KindOfValue(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (t.IsEnum) return t.IsDefined(typeof(EnumAsIntAttribute), false) ? DataKind.EnumInt : DataKind.EnumString;
        return Type.GetTypeCode(t) switch
        {
            TypeCode.Boolean => DataKind.Boolean,
            TypeCode.Byte => DataKind.Byte,
            TypeCode.Int16 => DataKind.Int16,
            TypeCode.Int32 => DataKind.Int32,
            TypeCode.Int64 => DataKind.Int64,
            TypeCode.Single => DataKind.Single,
            TypeCode.Double => DataKind.Double,
            TypeCode.Decimal => DataKind.Decimal,
            TypeCode.String => DataKind.String,
            TypeCode.DateTime => DataKind.DateTime,
            _ when t == typeof(Guid) => DataKind.Guid,
            _ when t == typeof(DateTimeOffset) => DataKind.DateTimeOffset,
            _ when t == typeof(DateOnly) => DataKind.DateOnly,
            _ when t == typeof(TimeOnly) => DataKind.TimeOnly,
            _ when t == typeof(TimeSpan) => DataKind.TimeSpan,
            _ when t == typeof(byte[]) => DataKind.Bytes,
            // Other primitives (uint, char, ...) are passed to the driver as they are.
            _ when t.IsPrimitive => DataKind.Int64,
            _ => DataKind.Json,
        };
    }

    /// <summary>
    /// Converts <paramref name="value"/> to the field's CLR type: strings from a query string are parsed, numbers
    /// widened or narrowed, enum numbers and names resolved.
    /// </summary>
    /// <exception cref="InvalidFieldValueException">The value does not fit the field.</exception>
    public static object Coerce(object value, FieldDefinition field)
    {
        var t = field.ValueType;
        if (t.IsInstanceOfType(value)) return value;
        try
        {
            if (field.Kind == DataKind.Json) return value;
            if (t.IsEnum)
            {
                if (value is string name)
                {
                    if (Enum.TryParse(t, name, ignoreCase: true, out var parsed) && (long.TryParse(name, out _) == false || Enum.IsDefined(t, parsed!)))
                        return parsed!;
                    throw new InvalidFieldValueException(field.Name,
                        $"'{Shorten(name)}' is not a valid {t.Name} for {field.Name}; use one of: {string.Join(", ", Enum.GetNames(t))}.");
                }
                return Enum.ToObject(t, Convert.ToInt64(value, CultureInfo.InvariantCulture));
            }
            if (value is string s)
            {
                return field.Kind switch
                {
                    DataKind.Guid => Guid.Parse(s),
                    DataKind.DateTime => DateTimeValues.ParseUtc(s),
                    DataKind.DateTimeOffset => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    DataKind.DateOnly => DateOnly.Parse(s, CultureInfo.InvariantCulture),
                    DataKind.TimeOnly => TimeOnly.Parse(s, CultureInfo.InvariantCulture),
                    DataKind.TimeSpan => TimeSpan.Parse(s, CultureInfo.InvariantCulture),
                    DataKind.Boolean => s is "1" || (s is not "0" && bool.Parse(s)),
                    DataKind.Decimal => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
                    DataKind.Double => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
                    DataKind.Single => float.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
                    DataKind.Bytes => Convert.FromBase64String(s),
                    _ => Convert.ChangeType(s, t, CultureInfo.InvariantCulture),
                };
            }
            return field.Kind switch
            {
                DataKind.DateTimeOffset when value is DateTime dt => new DateTimeOffset(DateTimeValues.AsUtc(dt)),
                DataKind.DateTime when value is DateTimeOffset dto => dto.UtcDateTime,
                DataKind.DateOnly when value is DateTime d => DateOnly.FromDateTime(d),
                _ => Convert.ChangeType(value, t, CultureInfo.InvariantCulture),
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException
                                       and not InvalidFieldValueException)
        {
            throw new InvalidFieldValueException(field.Name,
                $"'{Shorten(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}' is not a valid {Describe(field)} for {field.Name}.", ex);
        }
    }

    /// <summary>Turns a collection argument (an array, list, set...) into its elements; a single value becomes one element.</summary>
    internal static List<object?> Elements(object? value)
    {
        if (value is null) return [];
        if (value is string or byte[] || value is not IEnumerable e) return [value];
        var list = new List<object?>();
        foreach (var item in e) list.Add(item);
        return list;
    }

    private static string Describe(FieldDefinition f) => f.Kind switch
    {
        DataKind.Int16 or DataKind.Int32 or DataKind.Int64 or DataKind.Byte => "whole number",
        DataKind.Decimal or DataKind.Double or DataKind.Single => "number",
        _ => f.ValueType.Name,
    };

    private static string Shorten(string s) => s.Length <= 50 ? s : s[..50] + "...";

    private static InvalidCastException CannotConvert(object value, Type t) =>
        new($"Cannot read a database value of type {value.GetType().Name} as {t.Name}.");
}
