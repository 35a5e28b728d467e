namespace BaaS.Metadata;

/// <summary>A property of a <see cref="MetadataType"/>, or an argument of a <see cref="MetadataAttribute"/>.</summary>
public class MetadataPropertyType
{
    /// <summary>The property's name as declared (PascalCase; camelCase on the wire).</summary>
    public string Name { get; set; } = "";

    /// <summary>The property type's name: <c>Int32</c>, <c>String</c>, <c>Nullable`1</c>, <c>List`1</c>, <c>String[]</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The property type's namespace.</summary>
    public string? Namespace { get; set; }

    /// <summary>Generic arguments of the property type (<c>["Int32"]</c> for <c>int?</c>).</summary>
    public List<string>? GenericArgs { get; set; }

    /// <summary>
    /// The generic arguments as references with their namespaces (for an array, its element type), so that two types
    /// sharing a short name in different namespaces can be told apart.
    /// </summary>
    public List<MetadataTypeName>? GenericArgRefs { get; set; }

    /// <summary>True for value types.</summary>
    public bool? IsValueType { get; set; }

    /// <summary>True for enums (or nullable enums).</summary>
    public bool? IsEnum { get; set; }

    /// <summary>True for the data model's primary key.</summary>
    public bool? IsPrimaryKey { get; set; }

    /// <summary>True when a request must send it.</summary>
    public bool? IsRequired { get; set; }

    /// <summary>From <c>[ApiMember]</c>, <c>[Description]</c> or the XML doc summary.</summary>
    public string? Description { get; set; }

    /// <summary>For attribute arguments: the value, as text.</summary>
    public string? Value { get; set; }

    /// <summary>Where the value is read from for a route variable: <c>path</c>; otherwise null.</summary>
    public string? ParamType { get; set; }

    /// <summary>Attributes that matter to clients.</summary>
    public List<MetadataAttribute>? Attributes { get; set; }
}
