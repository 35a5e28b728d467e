namespace BaaS.DataAnnotations;

/// <summary>
/// A <see cref="Guid"/> key that is generated on insert when it is still <see cref="Guid.Empty"/>.
/// Implies <see cref="PrimaryKeyAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class AutoIdAttribute : Attribute
{
}
