namespace BaaS;

/// <summary>Fails unless the text has <see cref="Min"/> to <see cref="Max"/> characters. Code <c>Length</c>.</summary>
public sealed class ValidateLengthAttribute(int min, int max) : ValidateAttribute
{
    /// <summary>The fewest characters.</summary>
    public int Min { get; } = min;

    /// <summary>The most characters.</summary>
    public int Max { get; } = max;
}
