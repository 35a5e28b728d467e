namespace BaaS;

/// <summary>Describes a property of a DTO for the metadata and OpenAPI, and can mark it required.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = true)]
public sealed class ApiMemberAttribute : Attribute
{
    /// <summary>What the property means.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// A request that does not send this property is refused with 400 naming it. (A C# <c>required</c> property is
    /// required the same way.)
    /// </summary>
    public bool IsRequired { get; set; }

    /// <summary>Leaves the property out of the metadata.</summary>
    public bool ExcludeInSchema { get; set; }
}
