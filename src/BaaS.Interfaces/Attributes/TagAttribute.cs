namespace BaaS;

/// <summary>Groups an operation under a tag in the metadata and OpenAPI: <c>[Tag("Restaurants")]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class TagAttribute(string name) : Attribute
{
    /// <summary>The tag's name.</summary>
    public string Name { get; } = name;
}
