namespace BaaS;

/// <summary>
/// Says how one query property filters, when its name alone cannot: the field it compares, the operand, a template,
/// or the term. <c>[QueryDbField(Field = "Name", Operand = "StartsWith")] public string? Starting { get; set; }</c>
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class QueryDbFieldAttribute : Attribute
{
    /// <summary>The data model field compared (default: the property's own name, or its convention's).</summary>
    public string? Field { get; set; }

    /// <summary>
    /// The comparison, from a closed set: <c>=</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>,
    /// <c>StartsWith</c>, <c>EndsWith</c>, <c>Contains</c>, <c>In</c>, <c>NotIn</c>, <c>Between</c>, <c>IsNull</c>,
    /// <c>IsNotNull</c>.
    /// </summary>
    public string? Operand { get; set; }

    /// <summary>A named template instead of an operand, e.g. <c>{Field} &gt;= {Value}</c> forms from the closed set above.</summary>
    public string? Template { get; set; }

    /// <summary>How the value is turned into the compared value: a format with <c>{0}</c>, e.g. <c>{0}%</c>.</summary>
    public string? ValueFormat { get; set; }

    /// <summary>How this condition joins the others (default: the DTO's term).</summary>
    public QueryTerm Term { get; set; }
}
