namespace BaaS;

/// <summary>Maps a DTO property to a differently named data model field: <c>[AutoMap(nameof(Restaurant.Name))] public string Title</c>.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class AutoMapAttribute(string to) : Attribute
{
    /// <summary>The data model field.</summary>
    public string To { get; } = to;
}
