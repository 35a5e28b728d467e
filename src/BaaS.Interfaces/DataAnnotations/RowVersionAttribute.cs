namespace BaaS.DataAnnotations;

/// <summary>
/// An <c>int</c> or <c>long</c> counter for optimistic concurrency: set to 1 on insert, incremented by each
/// update, and an update or delete of a row whose version has moved on fails with a concurrency exception.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class RowVersionAttribute : Attribute
{
}
