namespace BaaS;

/// <summary>Fails unless the number is greater than or equal to <see cref="Value"/>. Code <c>GreaterThanOrEqual</c>.</summary>
public sealed class ValidateGreaterThanOrEqualAttribute(double value) : ValidateAttribute
{
    /// <summary>The bound.</summary>
    public double Value { get; } = value;
}
