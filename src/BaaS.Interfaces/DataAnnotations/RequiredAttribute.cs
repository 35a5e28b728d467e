namespace BaaS.DataAnnotations;

/// <summary>The column is <c>NOT NULL</c> even when the property's type allows null.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class RequiredAttribute : Attribute
{
}
