namespace BaaS.DataAnnotations;

/// <summary>An index over several columns of the table, named by their C# property names.</summary>
/// <param name="fieldNames">The C# property names of the indexed columns, in index order.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class CompositeIndexAttribute(params string[] fieldNames) : Attribute
{
    /// <summary>The C# property names of the indexed columns, in index order.</summary>
    public string[] FieldNames { get; } = fieldNames;

    /// <summary>Whether the combination of values must be unique.</summary>
    public bool Unique { get; set; }

    /// <summary>The index name; by default <c>ix_{table}_{col1}_{col2}</c> (<c>ux_</c> when unique).</summary>
    public string? Name { get; set; }
}
