namespace BaaS.NativeTypes.Model;

/// <summary>
/// IncludeTypes and ExcludeTypes: <c>Restaurant</c> (that type), <c>GetOrder.*</c> (that type and every type it uses:
/// response, base, properties, generic arguments), <c>Query*</c> (names starting with Query). Names are client names.
/// </summary>
internal static class TypeFilter
{
    public static IEnumerable<ClientType> Apply(IReadOnlyList<ClientType> types, NativeTypesOptions options)
    {
        IEnumerable<ClientType> selected = types;
        if (options.IncludeTypes.Count > 0)
        {
            var included = new HashSet<ClientType>();
            foreach (var pattern in options.IncludeTypes)
            {
                var withDependencies = pattern.EndsWith(".*", StringComparison.Ordinal);
                var name = withDependencies ? pattern[..^2] : pattern;
                foreach (var type in types.Where(t => Matches(t, name)))
                    if (withDependencies) AddWithDependencies(type, included);
                    else included.Add(type);
            }
            selected = types.Where(included.Contains);
        }
        return selected.Where(t => !options.ExcludeTypes.Any(p => Matches(t, p)));
    }

    private static bool Matches(ClientType type, string pattern) =>
        pattern.EndsWith('*')
            ? type.ClientName.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(type.ClientName, pattern, StringComparison.Ordinal);

    private static void AddWithDependencies(ClientType type, HashSet<ClientType> included)
    {
        if (!included.Add(type)) return;
        var references = new List<TypeRef>();
        if (type.Inherits is not null) references.Add(type.Inherits);
        if (type.Response is not null) references.Add(type.Response);
        references.AddRange(type.Properties.Select(p => p.Type));
        references.AddRange(type.Implements.SelectMany(i => i.Args));
        foreach (var dependency in references.SelectMany(r => r.NamedTypes()).ToList())
            AddWithDependencies(dependency, included);
    }
}
