namespace BaaS;

/// <summary>
/// A condition every query, update and delete of the DTO carries, whatever the caller sends, kept outside any OR:
/// the multi-tenancy and ownership mechanism. <c>[AutoFilter(nameof(Order.CustomerId), Eval = "userAuthId")]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class AutoFilterAttribute(string field) : Attribute
{
    /// <summary>The data model field compared.</summary>
    public string Field { get; } = field;

    /// <summary>The comparison (see <see cref="QueryDbFieldAttribute.Operand"/>); default <c>=</c>.</summary>
    public string? Operand { get; set; }

    /// <summary>A constant value.</summary>
    public object? Value { get; set; }

    /// <summary>A server value, by name (see <see cref="AutoPopulateAttribute.Eval"/>).</summary>
    public string? Eval { get; set; }
}
