namespace BaaS;

/// <summary>Fails unless the number is less than or equal to <see cref="Value"/>. Code <c>LessThanOrEqual</c>.</summary>
public sealed class ValidateLessThanOrEqualAttribute(double value) : ValidateAttribute
{
    /// <summary>The bound.</summary>
    public double Value { get; } = value;
}
