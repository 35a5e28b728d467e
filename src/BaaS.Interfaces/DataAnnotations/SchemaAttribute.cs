namespace BaaS.DataAnnotations;

/// <summary>The PostgreSQL schema the table lives in (created if missing). Ignored on SQLite.</summary>
/// <param name="name">The schema name.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SchemaAttribute(string name) : Attribute
{
    /// <summary>The schema name.</summary>
    public string Name { get; } = name;
}
