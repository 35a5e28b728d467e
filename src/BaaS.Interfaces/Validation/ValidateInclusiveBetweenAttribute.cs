namespace BaaS;

/// <summary>Fails unless <see cref="From"/> &lt;= the number &lt;= <see cref="To"/>. Code <c>InclusiveBetween</c>.</summary>
public sealed class ValidateInclusiveBetweenAttribute(double from, double to) : ValidateAttribute
{
    /// <summary>The lower bound.</summary>
    public double From { get; } = from;

    /// <summary>The upper bound.</summary>
    public double To { get; } = to;
}
