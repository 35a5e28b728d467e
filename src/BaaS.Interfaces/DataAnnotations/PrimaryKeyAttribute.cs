namespace BaaS.DataAnnotations;

/// <summary>
/// Marks the property that is the table's primary key. Without it, a property named <c>Id</c> is the key.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class PrimaryKeyAttribute : Attribute
{
}
