namespace BaaS.Data;

/// <summary>An index of a table: from <c>[Index]</c> on a property or <c>[CompositeIndex]</c> on the class.</summary>
public sealed class IndexDefinition
{
    internal IndexDefinition(string name, IReadOnlyList<FieldDefinition> fields, bool unique)
    {
        Name = name;
        Fields = fields;
        Unique = unique;
    }

    /// <summary>The index name in the database.</summary>
    public string Name { get; }

    /// <summary>The indexed fields, in index order.</summary>
    public IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>Whether the index rejects duplicates.</summary>
    public bool Unique { get; }
}
