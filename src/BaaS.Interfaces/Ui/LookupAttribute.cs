namespace BaaS;

/// <summary>
/// Which column stands for a row where another row refers to it. On a data model (<c>[Lookup("Name")]</c> on
/// <c>Restaurant</c>), every lookup of that model shows and searches <see cref="Display"/>; on a foreign-key property
/// (one with <c>[References]</c>) it applies to that property only.
/// </summary>
/// <param name="display">The column shown for a referenced row, e.g. <c>Name</c>.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class LookupAttribute(string display) : Attribute
{
    /// <summary>The column shown for a referenced row.</summary>
    public string Display { get; } = display;

    /// <summary>The query DTO that searches the referenced model; the first one of the model when unset.</summary>
    public string? Query { get; set; }
}
