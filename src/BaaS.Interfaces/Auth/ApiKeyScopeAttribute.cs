namespace BaaS;

/// <summary>
/// Lets API keys holding <see cref="Scope"/> call the operation (every scope listed, when repeated), acting for the
/// key's user with that user's roles and permissions. An operation that needs a signed-in caller and declares no scope
/// (with this attribute or <see cref="ValidateApiKeyAttribute"/>) refuses every API key with 403 <c>ApiKeyNotAllowed</c>:
/// a key reaches only what its scopes name. The platform's own key, user and password operations declare none, so no
/// key can manage keys or users or change a password. Operations anyone may call stay open to keys too.
/// </summary>
/// <example><c>[ValidateIsAuthenticated, ApiKeyScope("orders:read")] public class QueryMyOrders : QueryDb&lt;Order&gt; { }</c></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class ApiKeyScopeAttribute(string scope) : Attribute
{
    /// <summary>The scope a key must hold, e.g. <c>orders:read</c>.</summary>
    public string Scope { get; } = scope;
}
