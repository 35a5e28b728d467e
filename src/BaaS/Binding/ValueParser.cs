using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BaaS.Text;
using Microsoft.Extensions.Primitives;

namespace BaaS.Binding;

/// <summary>
/// Converts text from a route, query string or form into one property's type. Chosen once per property at startup.
/// Scalars follow <see cref="WireFormat"/>; collections take repeated keys and/or comma lists (<c>?ids=1,2&amp;ids=3</c>)
/// or a JSON array; complex values and dictionaries take JSON.
/// </summary>
internal sealed class ValueParser
{
    private delegate bool Scalar(string text, out object? value);

    private readonly Scalar? _scalar;
    private readonly Scalar? _element;
    private readonly Func<List<object?>, object>? _buildCollection;
    private readonly JsonTypeInfo? _json;

    private ValueParser(Type type, string expectation, Scalar? scalar, Scalar? element, Func<List<object?>, object>? build, JsonTypeInfo? json)
    {
        Type = type;
        Expectation = expectation;
        _scalar = scalar;
        _element = element;
        _buildCollection = build;
        _json = json;
    }

    /// <summary>The target type.</summary>
    public Type Type { get; }

    /// <summary>What a valid value looks like, for error messages: "a whole number", "true or false", ...</summary>
    public string Expectation { get; }

    /// <summary>True for collections of scalars, which read comma lists (<c>?ids=1,2,3</c>).</summary>
    public bool TakesCommaList => _element is not null;

    /// <summary>True when the type takes text as is (string), so an empty value means "" rather than "not sent".</summary>
    public bool AcceptsEmpty => Type == typeof(string);

    public static ValueParser For(Type type, JsonSerializerOptions json)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (TryScalar(underlying, out var scalar, out var expectation))
            return new ValueParser(type, expectation, scalar, null, null, null);

        var elementType = CollectionElementType(type);
        if (elementType is not null && TryScalar(Nullable.GetUnderlyingType(elementType) ?? elementType, out var element, out var elementExpectation))
        {
            var builder = (ICollectionBuilder)Activator.CreateInstance(typeof(CollectionBuilder<>).MakeGenericType(elementType))!;
            return new ValueParser(type, $"a comma-separated list of {elementExpectation}", null, element, builder.Builder(type), json.GetTypeInfo(type));
        }
        return new ValueParser(type, "JSON", null, null, null, json.GetTypeInfo(type));
    }

    /// <summary>Converts one or more raw values (repeated keys) into the target type.</summary>
    public bool TryParse(StringValues values, out object? value)
    {
        if (_scalar is not null)
            return _scalar(values[^1] ?? "", out value); // the last of repeated keys wins, as later sources override earlier ones

        if (_element is not null)
        {
            if (values.Count == 1 && (values[0] ?? "").TrimStart().StartsWith('['))
                return TryJson(values[0]!, out value);
            var items = new List<object?>();
            foreach (var raw in values)
            {
                foreach (var part in (raw ?? "").Split(',', StringSplitOptions.TrimEntries))
                {
                    if (part.Length == 0) continue;
                    if (!_element(part, out var item)) { value = null; return false; }
                    items.Add(item);
                }
            }
            value = _buildCollection!(items);
            return true;
        }
        return TryJson(values[^1] ?? "", out value);
    }

    private bool TryJson(string text, out object? value)
    {
        try
        {
            value = JsonSerializer.Deserialize(text, _json!);
            return true;
        }
        catch (Exception e) when (e is JsonException or OverflowException or FormatException)
        {
            // An app's own converter may do checked arithmetic or parse text: its failure is a bad value too.
            value = null;
            return false;
        }
    }

    /// <summary>What a valid value of a scalar type looks like ("a whole number"), or null for objects and lists.</summary>
    public static string? ExpectationOf(Type type) =>
        TryScalar(Nullable.GetUnderlyingType(type) ?? type, out _, out var expectation) ? expectation : null;

    internal static Type? CollectionElementType(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType) return null;
        var def = type.GetGenericTypeDefinition();
        if (def == typeof(List<>) || def == typeof(IList<>) || def == typeof(ICollection<>) || def == typeof(IEnumerable<>) ||
            def == typeof(IReadOnlyList<>) || def == typeof(IReadOnlyCollection<>) || def == typeof(HashSet<>) || def == typeof(ISet<>))
            return type.GetGenericArguments()[0];
        return null;
    }

    private static bool TryScalar(Type type, out Scalar scalar, out string expectation)
    {
        var inv = CultureInfo.InvariantCulture;
        const NumberStyles integer = NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        const NumberStyles real = NumberStyles.Float;
        (scalar, expectation) = Type.GetTypeCode(type) switch
        {
            _ when type.IsEnum => EnumScalar(type),
            TypeCode.String => ((string t, out object? v) => { v = t; return true; }, "text"),
            TypeCode.Boolean => (ParseBool, "true or false"),
            TypeCode.Int32 => ((string t, out object? v) => Box(int.TryParse(t, integer, inv, out var x), x, out v), "a whole number"),
            TypeCode.Int64 => ((string t, out object? v) => Box(long.TryParse(t, integer, inv, out var x), x, out v), "a whole number"),
            TypeCode.Int16 => ((string t, out object? v) => Box(short.TryParse(t, integer, inv, out var x), x, out v), "a whole number from -32768 to 32767"),
            TypeCode.Byte => ((string t, out object? v) => Box(byte.TryParse(t, integer, inv, out var x), x, out v), "a whole number from 0 to 255"),
            TypeCode.SByte => ((string t, out object? v) => Box(sbyte.TryParse(t, integer, inv, out var x), x, out v), "a whole number from -128 to 127"),
            TypeCode.UInt16 => ((string t, out object? v) => Box(ushort.TryParse(t, integer, inv, out var x), x, out v), "a whole number from 0 to 65535"),
            TypeCode.UInt32 => ((string t, out object? v) => Box(uint.TryParse(t, integer, inv, out var x), x, out v), "a whole number of 0 or more"),
            TypeCode.UInt64 => ((string t, out object? v) => Box(ulong.TryParse(t, integer, inv, out var x), x, out v), "a whole number of 0 or more"),
            TypeCode.Decimal => ((string t, out object? v) => Box(decimal.TryParse(t, real, inv, out var x), x, out v), "a number"),
            TypeCode.Double => ((string t, out object? v) => Box(double.TryParse(t, real, inv, out var x), x, out v), "a number"),
            TypeCode.Single => ((string t, out object? v) => Box(float.TryParse(t, real, inv, out var x), x, out v), "a number"),
            TypeCode.Char => ((string t, out object? v) => Box(t.Length == 1, t.Length == 1 ? t[0] : '\0', out v), "a single character"),
            TypeCode.DateTime => ((string t, out object? v) => Box(WireFormat.TryParseDateTime(t, out var x), x, out v), "an ISO-8601 date, e.g. 2026-11-22T10:30:00Z"),
            _ when type == typeof(Guid) => ((string t, out object? v) => Box(Guid.TryParse(t, out var x), x, out v), "a Guid"),
            _ when type == typeof(DateTimeOffset) => ((string t, out object? v) => Box(WireFormat.TryParseDateTimeOffset(t, out var x), x, out v), "an ISO-8601 date with offset"),
            _ when type == typeof(TimeSpan) => ((string t, out object? v) => Box(WireFormat.TryParseTimeSpan(t, out var x), x, out v), "a duration, e.g. PT1H30M or 01:30:00"),
            _ when type == typeof(DateOnly) => ((string t, out object? v) => Box(DateOnly.TryParseExact(t, "yyyy-MM-dd", inv, DateTimeStyles.None, out var x), x, out v), "a date, e.g. 2026-11-22"),
            _ when type == typeof(TimeOnly) => ((string t, out object? v) => Box(TimeOnly.TryParse(t, inv, DateTimeStyles.None, out var x), x, out v), "a time of day, e.g. 18:30"),
            _ when type == typeof(byte[]) => (ParseBase64, "base64 text"),
            _ => (null!, ""),
        };
        return scalar is not null;
    }

    private static bool Box<T>(bool ok, T parsed, out object? value)
    {
        value = ok ? parsed : null;
        return ok;
    }

    private static bool ParseBool(string text, out object? value)
    {
        bool? parsed = text.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "on" or "yes" => true,
            "false" or "0" or "off" or "no" => false,
            _ => null,
        };
        value = parsed;
        return parsed is not null;
    }

    private static bool ParseBase64(string text, out object? value)
    {
        var buffer = new byte[text.Length];
        var ok = Convert.TryFromBase64String(text, buffer, out var written);
        value = ok ? buffer[..written] : null;
        return ok;
    }

    private static (Scalar, string) EnumScalar(Type enumType)
    {
        var method = typeof(ValueParser).GetMethod(nameof(EnumParser), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(enumType);
        return ((Scalar, string))method.Invoke(null, null)!;
    }

    private static (Scalar, string) EnumParser<T>() where T : struct, Enum
    {
        var info = EnumInfo<T>.Instance;
        return ((string t, out object? v) => Box(info.TryParse(t, out var x), x, out v), $"one of: {info.NameList}");
    }

    private interface ICollectionBuilder
    {
        Func<List<object?>, object> Builder(Type target);
    }

    private sealed class CollectionBuilder<T> : ICollectionBuilder
    {
        public Func<List<object?>, object> Builder(Type target)
        {
            if (target.IsArray) return items => ToList(items).ToArray();
            if (target.IsGenericType && (target.GetGenericTypeDefinition() == typeof(HashSet<>) || target.GetGenericTypeDefinition() == typeof(ISet<>)))
                return items => new HashSet<T>(ToList(items));
            return items => ToList(items);
        }

        private static List<T> ToList(List<object?> items)
        {
            var list = new List<T>(items.Count);
            foreach (var item in items) list.Add((T)item!);
            return list;
        }
    }
}
