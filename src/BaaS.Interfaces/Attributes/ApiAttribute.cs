namespace BaaS;

/// <summary>Describes a request DTO or type for the metadata and OpenAPI.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, Inherited = true)]
public sealed class ApiAttribute : Attribute
{
    /// <summary>An empty description.</summary>
    public ApiAttribute() { }

    /// <summary>A description.</summary>
    public ApiAttribute(string description) => Description = description;

    /// <summary>What the operation or type is for.</summary>
    public string? Description { get; set; }

    /// <summary>Longer notes.</summary>
    public string? Notes { get; set; }
}
