namespace BaaS.DataAnnotations;

/// <summary>
/// A foreign key to the primary key of <see cref="Type"/>, with what the database does to this row when the
/// referenced row is deleted. Also links <see cref="ReferenceAttribute"/> properties, like
/// <see cref="ReferencesAttribute"/>.
/// </summary>
/// <param name="type">The referenced model type.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ForeignKeyAttribute(Type type) : Attribute
{
    /// <summary>The referenced model type.</summary>
    public Type Type { get; } = type;

    /// <summary>
    /// <c>"CASCADE"</c>, <c>"SET NULL"</c>, <c>"RESTRICT"</c>, <c>"NO ACTION"</c> or <c>"SET DEFAULT"</c>;
    /// null means <c>NO ACTION</c>. Anything else is rejected when the model is read.
    /// </summary>
    public string? OnDelete { get; set; }

    /// <summary>The same choices as <see cref="OnDelete"/>, applied when the referenced key changes.</summary>
    public string? OnUpdate { get; set; }

    /// <summary>The constraint name; by default <c>fk_{table}_{column}</c>.</summary>
    public string? Name { get; set; }
}
