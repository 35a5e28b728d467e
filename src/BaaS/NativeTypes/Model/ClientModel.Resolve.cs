using BaaS.Metadata;

namespace BaaS.NativeTypes.Model;

internal sealed partial class ClientModel
{
    private static readonly HashSet<string> Scalars = new(StringComparer.Ordinal)
    {
        "Boolean", "Char", "String", "Byte", "SByte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64",
        "Single", "Double", "Decimal", "DateTime", "DateTimeOffset", "DateOnly", "TimeOnly", "TimeSpan", "Guid", "Object", "Uri",
    };

    private static readonly HashSet<string> Lists = new(StringComparer.Ordinal)
    {
        "List`1", "IList`1", "ICollection`1", "IEnumerable`1", "IReadOnlyList`1", "IReadOnlyCollection`1", "HashSet`1", "ISet`1",
        "IReadOnlySet`1", "SortedSet`1",
    };

    private static readonly HashSet<string> Dictionaries = new(StringComparer.Ordinal)
    {
        "Dictionary`2", "IDictionary`2", "IReadOnlyDictionary`2", "SortedDictionary`2",
    };

    /// <summary>
    /// Resolves a reference as the metadata writes it (<c>Nullable`1</c> + args, <c>Item[]</c> + element,
    /// <c>QueryResponse`1</c> + args, <c>T</c>). Throws, naming <paramref name="where"/>, for types with no client form.
    /// </summary>
    private TypeRef Resolve(string name, string? ns, List<MetadataTypeName>? args, IReadOnlyList<string> scope, string where)
    {
        if (name.EndsWith("[]", StringComparison.Ordinal))
        {
            if (name == "Byte[]" && ns == "System") return new TypeRef(RefKind.Bytes, name);
            var element = args is [var e] ? e : new MetadataTypeName { Name = name[..^2], Namespace = ns };
            if (element.Name.Contains('<') || element.Name.EndsWith("[]", StringComparison.Ordinal))
                throw new NativeTypesException($"{where}: the array {name} has no element reference in the metadata; use a List<> instead.");
            return new TypeRef(RefKind.Array, name, null, [Resolve(element.Name, element.Namespace, element.GenericArgRefs, scope, where)]);
        }

        // Inside a generic definition its parameters win, as in C# (.NET gives a parameter its declaring type's namespace).
        if (scope.Contains(name)) return new TypeRef(RefKind.Param, name);

        var arity = name.IndexOf('`') is var tick and >= 0 ? int.Parse(name[(tick + 1)..], System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (arity > 0 && (args is null || args.Count != arity))
            throw new NativeTypesException($"{where}: the metadata gives {name} without its {arity} generic argument(s).");
        List<TypeRef> Args() => [.. args!.Select(a => Resolve(a.Name, a.Namespace, a.GenericArgRefs, scope, where))];

        if (ns == "BaaS" && name == nameof(UploadedFile)) return new TypeRef(RefKind.File, name);
        if (ns == "System")
        {
            if (Scalars.Contains(name)) return new TypeRef(RefKind.Scalar, name);
            if (name == "Nullable`1") return new TypeRef(RefKind.Nullable, name, null, Args());
        }
        if (ns == "System.Collections.Generic")
        {
            if (Lists.Contains(name)) return new TypeRef(RefKind.List, name, null, Args());
            if (Dictionaries.Contains(name)) return new TypeRef(RefKind.Dictionary, name, null, Args());
        }
        if (ns is not null && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal) || ns.StartsWith("Microsoft.", StringComparison.Ordinal)))
            throw new NativeTypesException(
                $"{where}: {ns}.{name} has no form in client code. Use a scalar (string, numbers, bool, DateTime, DateOnly, TimeOnly, " +
                "TimeSpan, Guid, decimal, byte[]), a List<T>, an array, a Dictionary<K,V> or a DTO of your own.");

        if (!_index.TryGetValue((ns ?? "", name), out var candidates))
            throw new NativeTypesException($"{where}: {ns}.{name} is not described in the metadata, so no client can declare it.");
        if (candidates.Count > 1)
            throw new NativeTypesException(
                $"{where}: the metadata names {ns}.{name}, but {string.Join(" and ", candidates.Select(c => c.FullName))} share that name " +
                "(nested types in one namespace); rename one of them.");
        return new TypeRef(RefKind.Named, name, candidates[0], arity > 0 ? Args() : null);
    }

    /// <summary>Enums, then classes (bases first, by name), then requests (bases first, by name).</summary>
    private static List<ClientType> Order(IEnumerable<ClientType> types)
    {
        var list = types.ToList();
        var included = list.ToHashSet();
        var ordered = new List<ClientType>();
        var done = new HashSet<ClientType>();
        void Visit(ClientType type)
        {
            if (!done.Add(type)) return;
            foreach (var dependency in type.Inherits?.NamedTypes().Take(1) ?? [])
                if (included.Contains(dependency)) Visit(dependency);
            ordered.Add(type);
        }
        static int Rank(ClientType t) => t.IsEnum ? 0 : t.IsRequest ? 2 : 1;
        foreach (var type in list.OrderBy(Rank).ThenBy(t => t.ClientName, StringComparer.Ordinal)) Visit(type);
        return ordered;
    }
}
