namespace BaaS.Metadata;

/// <summary>A DTO, model or enum: its properties, base type, attributes and documentation.</summary>
public class MetadataType
{
    /// <summary>The type's name (<c>QueryDb`1</c> for a generic definition).</summary>
    public string Name { get; set; } = "";

    /// <summary>The type's namespace.</summary>
    public string? Namespace { get; set; }

    /// <summary>Generic parameters of a generic definition (<c>["T"]</c>), or arguments of a closed type.</summary>
    public List<string>? GenericArgs { get; set; }

    /// <summary>The base class, when it is not <c>object</c>.</summary>
    public MetadataTypeName? Inherits { get; set; }

    /// <summary>Interfaces it implements that clients know (<c>IReturn`1</c>, <c>IGet</c>, ...).</summary>
    public List<MetadataTypeName>? Implements { get; set; }

    /// <summary>From <c>[Api]</c>, <c>[Description]</c> or the XML doc summary.</summary>
    public string? Description { get; set; }

    /// <summary>Longer notes.</summary>
    public string? Notes { get; set; }

    /// <summary>True for a type declared inside another type.</summary>
    public bool? IsNested { get; set; }

    /// <summary>
    /// For a nested type, the type(s) it is declared in: <c>{ "name": "Order.Line" }</c> for <c>Order.Line.Note</c>
    /// (outermost first, dotted, arity suffixes kept), with their namespace.
    /// </summary>
    public MetadataTypeName? DeclaringType { get; set; }

    /// <summary>True for enums.</summary>
    public bool? IsEnum { get; set; }

    /// <summary>True for enums that travel as numbers.</summary>
    public bool? IsEnumInt { get; set; }

    /// <summary>True for <c>[Flags]</c> enums (whose values combine).</summary>
    public bool? IsFlags { get; set; }

    /// <summary>True for interfaces.</summary>
    public bool? IsInterface { get; set; }

    /// <summary>True for abstract classes.</summary>
    public bool? IsAbstract { get; set; }

    /// <summary>True for an open generic definition.</summary>
    public bool? IsGenericTypeDef { get; set; }

    /// <summary>Public properties declared on this type (not inherited ones: see <see cref="Inherits"/>).</summary>
    public List<MetadataPropertyType>? Properties { get; set; }

    /// <summary>Attributes that matter to clients (routes, validation, UI hints).</summary>
    public List<MetadataAttribute>? Attributes { get; set; }

    /// <summary>Enum member names on the wire.</summary>
    public List<string>? EnumNames { get; set; }

    /// <summary>
    /// Enum member names as declared in .NET, in the order of <see cref="EnumNames"/>; only set when one differs from its
    /// wire name (an <c>[EnumMember(Value = "in-progress")]</c>).
    /// </summary>
    public List<string>? EnumMemberNames { get; set; }

    /// <summary>Enum member numeric values, as text.</summary>
    public List<string>? EnumValues { get; set; }

    /// <summary>Enum member descriptions, where given.</summary>
    public List<string>? EnumDescriptions { get; set; }
}
