using System.Collections;
using System.Collections.Concurrent;
using BaaS.Reflection;

namespace BaaS.Formats;

/// <summary>
/// Where the rows of a response are, for CSV and JSON Lines: the response itself when it is a list, else its first
/// list-of-objects property (<c>QueryResponse.Results</c>), else the response as a single row. Worked out once per
/// response type.
/// </summary>
internal sealed class RowShape
{
    private static readonly ConcurrentDictionary<Type, RowShape> Cache = new();

    private readonly Func<object, IEnumerable?>? _rows;

    private RowShape(Type rowType, Func<object, IEnumerable?>? rows)
    {
        RowType = rowType;
        _rows = rows;
    }

    /// <summary>The type of one row.</summary>
    public Type RowType { get; }

    public static RowShape Of(Type responseType) => Cache.GetOrAdd(responseType, Build);

    /// <summary>The rows of a response.</summary>
    public IEnumerable Rows(object response) => _rows is null ? new[] { response } : _rows(response) ?? Array.Empty<object>();

    private static RowShape Build(Type type)
    {
        if (ElementOf(type) is { } element)
            return new RowShape(element, response => (IEnumerable)response);

        var listProperty = TypeModel.Of(type).Properties
            .Where(p => p.HasGetter && ElementOf(p.Type) is { } e && !IsScalar(e))
            .OrderBy(p => p.Name == "Results" ? 0 : 1)
            .FirstOrDefault();
        if (listProperty is not null)
        {
            var get = listProperty.Getter;
            return new RowShape(ElementOf(listProperty.Type)!, response => (IEnumerable?)get(response));
        }
        return new RowShape(type, null);
    }

    private static Type? ElementOf(Type type)
    {
        if (type == typeof(string) || typeof(IDictionary).IsAssignableFrom(type)) return null;
        if (type.IsArray) return type.GetElementType();
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        if (enumerable is null) return null;
        var element = enumerable.GetGenericArguments()[0];
        return element.IsGenericType && element.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) ? null : element;
    }

    internal static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) ||
               type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(DateOnly) ||
               type == typeof(TimeOnly);
    }
}
