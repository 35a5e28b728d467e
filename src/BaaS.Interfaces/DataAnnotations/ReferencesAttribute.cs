namespace BaaS.DataAnnotations;

/// <summary>
/// This column holds the primary key of a row of <see cref="Type"/>: a foreign key (no action on delete), and
/// the link that <see cref="ReferenceAttribute"/> properties are loaded through.
/// </summary>
/// <param name="type">The referenced model type.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ReferencesAttribute(Type type) : Attribute
{
    /// <summary>The referenced model type.</summary>
    public Type Type { get; } = type;
}
