namespace BaaS;

/// <summary>A default for a DTO property the caller did not send: a constant <c>Value</c> or a server value <c>Eval</c>.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class AutoDefaultAttribute : Attribute
{
    /// <summary>A constant value.</summary>
    public object? Value { get; set; }

    /// <summary>A server value, by name (see <see cref="AutoPopulateAttribute.Eval"/>).</summary>
    public string? Eval { get; set; }
}
