namespace BaaS.Data;

/// <summary>A foreign key from one field to the primary key of another model.</summary>
public sealed class ForeignKeyDefinition
{
    internal ForeignKeyDefinition(string name, Type referencedType, string? onDelete, string? onUpdate)
    {
        Name = name;
        ReferencedType = referencedType;
        OnDelete = onDelete;
        OnUpdate = onUpdate;
    }

    /// <summary>The constraint name in the database.</summary>
    public string Name { get; }

    /// <summary>The model whose primary key this field holds.</summary>
    public Type ReferencedType { get; }

    /// <summary>The referenced model's definition (built on first use, so models may reference each other).</summary>
    public ModelDefinition ReferencedModel => ModelDefinition.For(ReferencedType);

    /// <summary>The normalised on-delete action (e.g. <c>CASCADE</c>), or null for the default (no action).</summary>
    public string? OnDelete { get; }

    /// <summary>The normalised on-update action, or null for the default (no action).</summary>
    public string? OnUpdate { get; }
}
