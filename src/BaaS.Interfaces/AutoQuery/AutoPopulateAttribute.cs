namespace BaaS;

/// <summary>
/// Fills a data model field on create/update from the server, never from the caller:
/// <c>[AutoPopulate(nameof(Order.CustomerId), Eval = "userAuthId")]</c>, <c>Value = "Placed"</c>.
/// Eval names a server value: <c>userAuthId</c>, <c>userAuthName</c>, <c>utcNow</c>, <c>nowDate</c>, <c>newGuid</c>,
/// <c>remoteIp</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class AutoPopulateAttribute(string field) : Attribute
{
    /// <summary>The data model field filled.</summary>
    public string Field { get; } = field;

    /// <summary>A constant value.</summary>
    public object? Value { get; set; }

    /// <summary>A server value, by name.</summary>
    public string? Eval { get; set; }
}
