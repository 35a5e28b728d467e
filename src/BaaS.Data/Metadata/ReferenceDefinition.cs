using System.Reflection;

namespace BaaS.Data;

/// <summary>
/// A <c>[Reference]</c> property: a related row, or a list of rows, that <c>LoadSelect</c> fills with one extra
/// query per reference.
/// </summary>
public sealed class ReferenceDefinition
{
    internal ReferenceDefinition(PropertyInfo property, Type referencedType, bool isList, Action<object, object?> setter)
    {
        Property = property;
        ReferencedType = referencedType;
        IsList = isList;
        SetValue = setter;
    }

    /// <summary>The C# property name.</summary>
    public string Name => Property.Name;

    /// <summary>The property.</summary>
    public PropertyInfo Property { get; }

    /// <summary>The model of the related rows (the element type for a list).</summary>
    public Type ReferencedType { get; }

    /// <summary>Whether the property is a <c>List&lt;T&gt;</c> of rows rather than one row.</summary>
    public bool IsList { get; }

    /// <summary>A compiled setter for the property.</summary>
    public Action<object, object?> SetValue { get; }
}
