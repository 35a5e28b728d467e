namespace BaaS.DataAnnotations;

/// <summary>
/// The name of the table (on a class) or column (on a property) in the database, used verbatim instead of the
/// snake_case name derived from the C# name.
/// </summary>
/// <param name="name">The table or column name.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = false)]
public sealed class AliasAttribute(string name) : Attribute
{
    /// <summary>The table or column name.</summary>
    public string Name { get; } = name;
}
