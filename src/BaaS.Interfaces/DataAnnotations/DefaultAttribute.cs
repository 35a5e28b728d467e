namespace BaaS.DataAnnotations;

/// <summary>
/// The column's default. Either a constant value (<c>[Default(0)]</c>, <c>[Default("new")]</c>) or an SQL
/// expression (<c>[Default(Sql = DefaultSql.CurrentTimestamp)]</c>). The database applies it when a row is
/// inserted with this property left null.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class DefaultAttribute : Attribute
{
    /// <summary>A default given only by <see cref="Sql"/>.</summary>
    public DefaultAttribute() { }

    /// <summary>A constant default: a number, string, bool or enum value.</summary>
    public DefaultAttribute(object value) => Value = value;

    /// <summary>The constant default value, or null when <see cref="Sql"/> is used.</summary>
    public object? Value { get; }

    /// <summary>
    /// An SQL expression written by the model's author, e.g. <see cref="DefaultSql.CurrentTimestamp"/>; the
    /// constants in <see cref="DefaultSql"/> are translated for each database, anything else is emitted as is.
    /// </summary>
    public string? Sql { get; set; }
}
