namespace BaaS;

/// <summary>A column of a <see cref="DatabaseTable"/>.</summary>
public class DatabaseColumn
{
    /// <summary>The column's name as stored (<c>restaurant_id</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>Its declared type: <c>INTEGER</c>, <c>TEXT</c> on SQLite; <c>integer</c>, <c>numeric(10,2)</c>, <c>timestamp with time zone</c> on PostgreSQL.</summary>
    public string DataType { get; set; } = "";

    /// <summary>Whether it may hold NULL.</summary>
    public bool IsNullable { get; set; }

    /// <summary>Whether it is (part of) the primary key.</summary>
    public bool IsPrimaryKey { get; set; }

    /// <summary>Its default as SQL text (<c>CURRENT_TIMESTAMP</c>; on PostgreSQL an identity column says <c>identity</c>), or null.</summary>
    public string? Default { get; set; }

    /// <summary>The table and column a single-column foreign key on it points to (<c>restaurant.id</c>), or null.</summary>
    public string? References { get; set; }

    /// <summary>Whether its values are withheld (a password hash, a secret, a key): rows show <c>(hidden)</c>, and it cannot be filtered or sorted on.</summary>
    public bool IsHidden { get; set; }
}
