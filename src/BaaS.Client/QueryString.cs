using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using BaaS.Reflection;
using BaaS.Text;

namespace BaaS.Client;

/// <summary>
/// Writes a request DTO as a query string for GET and DELETE, in the forms the server reads: scalars in their wire
/// text form, lists comma-separated (or as a JSON array when an item holds a comma), objects as JSON. Null values are
/// left out. Property getters are compiled once per DTO type.
/// </summary>
internal static class QueryString
{
    private static readonly ConcurrentDictionary<Type, (string Name, Func<object, object?> Get)[]> Cache = new();

    public static string Of(object request, JsonSerializerOptions json)
    {
        var builder = new StringBuilder();
        foreach (var (name, text) in Fields(request, json))
            builder.Append(builder.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(text));
        return builder.ToString();
    }

    /// <summary>The DTO's non-null properties as text fields (files left out), for a query string or a form.</summary>
    public static IEnumerable<(string Name, string Text)> Fields(object request, JsonSerializerOptions json)
    {
        foreach (var (name, get) in Cache.GetOrAdd(request.GetType(), Properties))
        {
            var value = get(request);
            if (value is null or UploadedFile or IEnumerable<UploadedFile>) continue;
            yield return (name, Format(value, json));
        }
    }

    /// <summary>The DTO's files: each non-null <see cref="UploadedFile"/> property, a list property's files under one name.</summary>
    public static IEnumerable<(string Name, UploadedFile File)> Files(object request)
    {
        foreach (var (name, get) in Cache.GetOrAdd(request.GetType(), Properties))
        {
            switch (get(request))
            {
                case UploadedFile file:
                    yield return (name, file);
                    break;
                case IEnumerable<UploadedFile> files:
                    foreach (var file in files) yield return (name, file);
                    break;
            }
        }
    }

    private static string Format(object value, JsonSerializerOptions json)
    {
        switch (value)
        {
            case string s: return s;
            case bool b: return b ? "true" : "false";
            case DateTime d: return WireFormat.FormatDateTime(d);
            case DateTimeOffset o: return o.ToString("o", CultureInfo.InvariantCulture);
            case TimeSpan t: return WireFormat.FormatTimeSpan(t);
            case DateOnly d: return WireFormat.FormatDateOnly(d);
            case TimeOnly t: return WireFormat.FormatTimeOnly(t);
            case Enum: return JsonSerializer.Serialize(value, value.GetType(), json).Trim('"');
            case byte[] bytes: return Convert.ToBase64String(bytes);
            case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
            case IEnumerable items when value is not IDictionary:
                var parts = new List<string>();
                foreach (var item in items)
                {
                    if (item is null || !IsScalar(item.GetType())) return JsonSerializer.Serialize(value, value.GetType(), json);
                    parts.Add(Format(item, json));
                }
                return parts.Exists(p => p.Contains(',')) ? JsonSerializer.Serialize(value, value.GetType(), json) : string.Join(",", parts);
            default: return JsonSerializer.Serialize(value, value.GetType(), json);
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) ||
        type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(DateOnly) || type == typeof(TimeOnly);

    private static (string, Func<object, object?>)[] Properties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), PropertyAccessor.CompileGetter(p)))];
}
