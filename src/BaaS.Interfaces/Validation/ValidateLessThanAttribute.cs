namespace BaaS;

/// <summary>Fails unless the number is less than <see cref="Value"/>. Code <c>LessThan</c>.</summary>
public sealed class ValidateLessThanAttribute(double value) : ValidateAttribute
{
    /// <summary>The bound.</summary>
    public double Value { get; } = value;
}
