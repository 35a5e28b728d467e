namespace BaaS.DataAnnotations;

/// <summary>
/// The maximum length of a string column, enforced by a named <c>CHECK (length(column) &lt;= n)</c> on every
/// database, so a longer value fails the same way everywhere.
/// </summary>
/// <param name="maximumLength">The maximum number of characters.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class StringLengthAttribute(int maximumLength) : Attribute
{
    /// <summary>The maximum number of characters.</summary>
    public int MaximumLength { get; } = maximumLength;
}
