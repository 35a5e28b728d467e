using BaaS;

namespace MyApp.ServiceModel;

/// <summary>
/// The scopes MyApp's API keys can hold, named once: an operation lets keys call it with
/// <c>[ApiKeyScope(ApiScopes.OrdersRead)]</c>, and the auth options list them. A key reaches nothing else.
/// </summary>
public static class ApiScopes
{
    /// <summary>Read one's orders: a customer's, an owner's restaurant orders, a courier's deliveries.</summary>
    public const string OrdersRead = "orders:read";

    /// <summary>Place orders and move them along the workflow.</summary>
    public const string OrdersWrite = "orders:write";

    /// <summary>Read and change one's menu items.</summary>
    public const string MenuWrite = "menu:write";
}
