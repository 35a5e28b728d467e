using System.Collections.Concurrent;
using System.Reflection;

namespace BaaS.Reflection;

/// <summary>
/// What the framework knows of a type's properties, worked out once per type and shared by every part that walks
/// them: binding, declarative validation, AutoQuery, CSV and the metadata. Each public instance property appears
/// once, the most derived declaration winning (an override of <c>QueryBase.OrderBy</c>, or a property hidden with
/// <c>new</c>), in reflection's order (the type's own properties first, then its bases'). Built on first use and cached
/// for the life of the process; reads after that take no lock.
/// </summary>
internal sealed class TypeModel
{
    private static readonly ConcurrentDictionary<Type, TypeModel> Cache = new();

    private readonly PropertyModel[] _properties;
    private readonly Dictionary<string, PropertyModel> _byName;

    private TypeModel(Type type)
    {
        Type = type;
        // One context per build: NullabilityInfoContext is not thread-safe, and types may be built in parallel.
        var nullability = new NullabilityInfoContext();
        var chosen = new List<PropertyInfo>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            if (!positions.TryGetValue(property.Name, out var at))
            {
                positions[property.Name] = chosen.Count;
                chosen.Add(property);
            }
            else if (property.DeclaringType!.IsSubclassOf(chosen[at].DeclaringType!))
            {
                chosen[at] = property; // a `new` declaration hides the base one
            }
        }
        _properties = [.. chosen.Select(p => new PropertyModel(p, nullability))];
        _byName = new Dictionary<string, PropertyModel>(_properties.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var property in _properties) _byName.TryAdd(property.Name, property);
    }

    /// <summary>The model of a type, built the first time it is asked for.</summary>
    /// <param name="type">Any type: a request or response DTO, a data model, a CSV row, an open generic definition.</param>
    public static TypeModel Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Cache.GetOrAdd(type, static t => new TypeModel(t));
    }

    /// <summary>The type described.</summary>
    public Type Type { get; }

    /// <summary>The public instance properties (indexers left out), one per name, the most derived declaration of each.</summary>
    public IReadOnlyList<PropertyModel> Properties => _properties;

    /// <summary>
    /// The properties this type introduces: declared on it and not overriding a base property. What a generated
    /// client type declares (an override would hide the base one), and what the metadata lists for the type.
    /// </summary>
    public IEnumerable<PropertyModel> DeclaredProperties => _properties.Where(p => p.DeclaringType == Type && !p.IsOverride);

    /// <summary>The property with this name, matched case-insensitively as the wire format does, or null.</summary>
    /// <param name="name">A declared name or its camelCase wire name.</param>
    public PropertyModel? Find(string name) => _byName.GetValueOrDefault(name);
}
