namespace BaaS.Metadata;

/// <summary>How the metadata names types: <c>Int32</c>, <c>Nullable`1</c> + <c>["Int32"]</c>, <c>String[]</c>, <c>List&lt;String&gt;</c> inside generic arguments.</summary>
internal static class TypeNames
{
    /// <summary>The name as listed: generic types keep their arity suffix.</summary>
    public static string NameOf(Type type) =>
        type.IsArray ? Friendly(type.GetElementType()!) + "[]" : type.IsGenericParameter ? type.Name : type.Name;

    /// <summary>Generic arguments, each in friendly form; null for non-generic types.</summary>
    public static List<string>? GenericArgsOf(Type type) =>
        type.IsGenericType ? [.. type.GetGenericArguments().Select(Friendly)] : null;

    /// <summary>A readable name: <c>Dictionary&lt;String,List&lt;Int32&gt;&gt;</c>.</summary>
    public static string Friendly(Type type)
    {
        if (type.IsArray) return Friendly(type.GetElementType()!) + "[]";
        if (!type.IsGenericType) return type.Name;
        var name = type.Name;
        var tick = name.IndexOf('`');
        if (tick >= 0) name = name[..tick];
        return $"{name}<{string.Join(",", type.GetGenericArguments().Select(Friendly))}>";
    }

    public static MetadataTypeName RefOf(Type type) => new()
    {
        Name = NameOf(type),
        Namespace = type.IsArray ? type.GetElementType()!.Namespace : type.Namespace,
        GenericArgs = GenericArgsOf(type),
        GenericArgRefs = GenericArgRefsOf(type),
    };

    /// <summary>Generic arguments (or an array's element) as references with namespaces; null for other types.</summary>
    public static List<MetadataTypeName>? GenericArgRefsOf(Type type) =>
        type.IsArray ? [RefOf(type.GetElementType()!)]
        : type.IsGenericType ? [.. type.GetGenericArguments().Select(RefOf)]
        : null;

    /// <summary>The enclosing types of a nested type, outermost first: <c>Order.Line</c>.</summary>
    public static MetadataTypeName? DeclaringOf(Type type)
    {
        if (!type.IsNested) return null;
        var names = new List<string>();
        var outer = type.DeclaringType!;
        for (var t = outer; t is not null; t = t.DeclaringType) names.Insert(0, t.Name);
        while (outer.DeclaringType is not null) outer = outer.DeclaringType;
        return new MetadataTypeName { Name = string.Join(".", names), Namespace = outer.Namespace };
    }
}
