using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using BaaS.Reflection;

namespace BaaS.Data;

/// <summary>
/// Binds the parameters of raw SQL from an anonymous object (<c>new { id, name }</c> gives <c>@id</c> and
/// <c>@name</c>) or a dictionary. The property getters are compiled once per parameter type.
/// </summary>
internal static class RawParameters
{
    private static readonly ConcurrentDictionary<Type, (string Name, Func<object, object?> Get)[]> Getters = new();

    public static void Bind(DialectProvider dialect, DbCommand command, object? param)
    {
        switch (param)
        {
            case null:
                return;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var (name, value) in pairs) dialect.AddNamedParameter(command, name, value);
                return;
            default:
                foreach (var (name, get) in Getters.GetOrAdd(param.GetType(), Build))
                    dialect.AddNamedParameter(command, name, get(param));
                return;
        }
    }

    private static (string, Func<object, object?>)[] Build(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod != null)
            .Select(p => (p.Name, PropertyAccessor.CompileGetter(p)))
            .ToArray();
}
