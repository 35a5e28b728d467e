namespace BaaS.DataAnnotations;

/// <summary>Stores an enum as its integer value instead of its name. Put it on the enum type or on a property.</summary>
[AttributeUsage(AttributeTargets.Enum | AttributeTargets.Property, AllowMultiple = false)]
public sealed class EnumAsIntAttribute : Attribute
{
}
