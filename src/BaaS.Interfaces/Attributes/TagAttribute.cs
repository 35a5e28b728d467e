namespace BaaS;

/// <summary>Groups an operation under a tag in the metadata, OpenAPI and generated UIs: <c>[Tag("Restaurants", Icon = "store")]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class TagAttribute(string name) : Attribute
{
    /// <summary>The tag's name.</summary>
    public string Name { get; } = name;

    /// <summary>The tag's icon in generated UIs: a built-in name (see <see cref="IconAttribute"/>); the first one given wins.</summary>
    public string? Icon { get; set; }

    /// <summary>What the tag's operations are for; the first one given wins.</summary>
    public string? Description { get; set; }
}
