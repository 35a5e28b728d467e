namespace BaaS;

/// <summary>
/// Callers must send an API key (<c>Authorization: Bearer ak-...</c> or <c>X-Api-Key: ak-...</c>) holding
/// <see cref="Scope"/> (every scope listed, when repeated); signed-in users with the <c>Admin</c> role may call it too.
/// Others get 401 (no valid key) or 403 (a key without the scope). Checked before the request is read.
/// </summary>
/// <example><c>[ValidateApiKey("orders:read")] public class ExportOrders : IGet, IReturn&lt;ExportOrdersResponse&gt; { }</c></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class ValidateApiKeyAttribute : Attribute
{
    /// <summary>Any valid API key may call the operation.</summary>
    public ValidateApiKeyAttribute() { }

    /// <summary>Only API keys holding <paramref name="scope"/> may call the operation.</summary>
    public ValidateApiKeyAttribute(string scope) => Scope = scope;

    /// <summary>The scope the key must hold, e.g. <c>orders:read</c>; null for any key.</summary>
    public string? Scope { get; }
}
