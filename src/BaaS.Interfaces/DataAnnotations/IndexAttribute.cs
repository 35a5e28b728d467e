namespace BaaS.DataAnnotations;

/// <summary>Creates an index on this column when the table is created.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class IndexAttribute : Attribute
{
    /// <summary>Creates a non-unique index.</summary>
    public IndexAttribute() { }

    /// <summary>Creates an index, unique when <paramref name="unique"/> is true.</summary>
    public IndexAttribute(bool unique) => Unique = unique;

    /// <summary>Whether the index rejects duplicate values.</summary>
    public bool Unique { get; set; }

    /// <summary>The index name; by default <c>ix_{table}_{column}</c> (<c>ux_</c> when unique).</summary>
    public string? Name { get; set; }
}
