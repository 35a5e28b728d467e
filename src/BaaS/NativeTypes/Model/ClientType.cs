using BaaS.Metadata;

namespace BaaS.NativeTypes.Model;

/// <summary>A type as every generator sees it: its metadata, its name in client code, and its references resolved.</summary>
internal sealed class ClientType(MetadataType meta, MetadataOperationType? operation, bool isContract)
{
    public MetadataType Meta { get; } = meta;

    /// <summary>The operation whose request this is, or null.</summary>
    public MetadataOperationType? Operation { get; } = operation;

    /// <summary>True for types of the contract (<c>BaaS.Interfaces</c>): <c>QueryResponse`1</c>, <c>IdResponse</c>, <c>ResponseStatus</c>...</summary>
    public bool IsContract { get; } = isContract;

    public bool IsRequest => Operation is not null;

    public bool IsEnum => Meta.IsEnum == true;

    /// <summary>The .NET name without the arity suffix: <c>QueryResponse</c>.</summary>
    public string BaseName { get; } = StripArity(meta.Name);

    /// <summary>The full .NET name, for messages: <c>Shop.Orders+Line</c>.</summary>
    public string FullName { get; } =
        (meta.Namespace is { Length: > 0 } ns ? ns + "." : "") + (meta.DeclaringType is { } d ? d.Name.Replace('.', '+') + "+" : "") + meta.Name;

    /// <summary>Namespace segments then enclosing types: the path a clashing name is qualified with.</summary>
    public IReadOnlyList<string> Path { get; } =
        [.. (meta.Namespace ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries),
         .. (meta.DeclaringType?.Name ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries).Select(StripArity)];

    /// <summary>The type's name in generated code (see <see cref="ClientNames"/>).</summary>
    public string ClientName { get; set; } = "";

    public IReadOnlyList<string> GenericParams => Meta.IsGenericTypeDef == true ? Meta.GenericArgs ?? [] : [];

    public TypeRef? Inherits { get; set; }

    public List<ClientProperty> Properties { get; } = [];

    /// <summary>For requests: the response type, or null when it returns nothing.</summary>
    public TypeRef? Response { get; set; }

    /// <summary>Contract interfaces it implements (IReturn`1, ICreateDb`1...), resolved.</summary>
    public List<(MetadataTypeName Name, IReadOnlyList<TypeRef> Args)> Implements { get; } = [];

    public override string ToString() => FullName;

    public static string StripArity(string name)
    {
        var tick = name.IndexOf('`');
        return tick < 0 ? name : name[..tick];
    }
}

/// <summary>A property with its type resolved.</summary>
internal sealed record ClientProperty(MetadataPropertyType Meta, TypeRef Type)
{
    public string Name => Meta.Name;

    /// <summary>The JSON name on the wire: the declared name in camelCase, as the server writes it.</summary>
    public string WireName => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(Meta.Name);

    /// <summary>True when the value can be absent: Nullable, reference types (unless required).</summary>
    public bool IsOptional => Type.Kind == RefKind.Nullable || (!Type.IsValueType && Meta.IsRequired != true);
}
