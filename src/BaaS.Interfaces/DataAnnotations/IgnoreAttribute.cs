namespace BaaS.DataAnnotations;

/// <summary>The property is not a column: it is never written nor read.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class IgnoreAttribute : Attribute
{
}
