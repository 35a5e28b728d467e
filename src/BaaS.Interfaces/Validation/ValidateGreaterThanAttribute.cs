namespace BaaS;

/// <summary>Fails unless the number (or date, as ticks) is greater than <see cref="Value"/>. Code <c>GreaterThan</c>.</summary>
public sealed class ValidateGreaterThanAttribute(double value) : ValidateAttribute
{
    /// <summary>The bound.</summary>
    public double Value { get; } = value;
}
