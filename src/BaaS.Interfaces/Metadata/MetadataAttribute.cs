namespace BaaS.Metadata;

/// <summary>An attribute on a type or property: <c>{ "name": "Route", "args": [{ "name": "Path", "value": "/orders" }] }</c>.</summary>
public class MetadataAttribute
{
    /// <summary>The attribute's name without the <c>Attribute</c> suffix.</summary>
    public string Name { get; set; } = "";

    /// <summary>Its non-default public properties.</summary>
    public List<MetadataPropertyType>? Args { get; set; }
}
