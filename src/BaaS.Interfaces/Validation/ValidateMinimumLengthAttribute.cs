namespace BaaS;

/// <summary>Fails when the text has fewer than <see cref="Min"/> characters. Code <c>MinimumLength</c>.</summary>
public sealed class ValidateMinimumLengthAttribute(int min) : ValidateAttribute
{
    /// <summary>The fewest characters.</summary>
    public int Min { get; } = min;
}
