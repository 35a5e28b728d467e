namespace BaaS;

/// <summary>
/// How grids show a property of a data model or response type: <c>[Format(ColumnFormat.Currency, Currency = "EUR")]</c>,
/// <c>[Format(ColumnFormat.Image)]</c>, <c>[Format(ColumnFormat.Hidden)]</c>.
/// </summary>
/// <param name="format">The format.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class FormatAttribute(ColumnFormat format) : Attribute
{
    /// <summary>The format.</summary>
    public ColumnFormat Format { get; } = format;

    /// <summary>The ISO 4217 currency of <see cref="ColumnFormat.Currency"/>; <c>USD</c> when unset.</summary>
    public string? Currency { get; set; }

    /// <summary>The column's heading; the property's name in words when unset.</summary>
    public string? Label { get; set; }
}
