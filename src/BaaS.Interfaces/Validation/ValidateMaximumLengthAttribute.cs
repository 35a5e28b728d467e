namespace BaaS;

/// <summary>Fails when the text has more than <see cref="Max"/> characters. Code <c>MaximumLength</c>.</summary>
public sealed class ValidateMaximumLengthAttribute(int max) : ValidateAttribute
{
    /// <summary>The most characters.</summary>
    public int Max { get; } = max;
}
