namespace BaaS;

/// <summary>
/// Caps how many items a list, array, set or dictionary property of a request DTO may hold. Code <c>MaxItems</c>.
/// Binding enforces it while it reads the request: a longer list is counted only up to <see cref="Max"/> + 1, never
/// built, and answers 400 naming the property before any validation or SQL. Validation checks it again for DTOs built
/// in code. Without this attribute a collection property gets <c>BaaSOptions.MaxCollectionItems</c> (default 1,000).
/// </summary>
public sealed class ValidateMaxItemsAttribute(int max) : ValidateAttribute
{
    /// <summary>The most items.</summary>
    public int Max { get; } = max;
}
