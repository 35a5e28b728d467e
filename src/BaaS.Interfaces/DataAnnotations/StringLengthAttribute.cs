namespace BaaS.DataAnnotations;

/// <summary>
/// The maximum length of a string column: <c>varchar(n)</c> on PostgreSQL (longer values fail), kept as
/// metadata on SQLite, which has no length limit.
/// </summary>
/// <param name="maximumLength">The maximum number of characters.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class StringLengthAttribute(int maximumLength) : Attribute
{
    /// <summary>The maximum number of characters.</summary>
    public int MaximumLength { get; } = maximumLength;
}
