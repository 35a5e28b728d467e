using BaaS.Auth.ApiKeys;
using BaaS.Auth.Authentication;
using BaaS.Auth.OAuth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Hosting;

/// <summary>
/// Auth as a feature: serves the sign-in, registration, token, email, API-key and user-admin operations, adds the
/// sign-in rate-limit policy (to the rate limits), the deny list's fail-closed answer, the cookie auto-refresh and the API-key check to the pipeline, and tells clients (metadata
/// <c>plugins.auth</c>) how to sign in: the providers, whether registration is open, the roles, permissions and API-key
/// scopes. Added by <c>AddBaaSAuth</c>.
/// </summary>
internal sealed class AuthFeature : BaaSFeature
{
    public override string Id => "auth";

    public override IEnumerable<Type> ServiceTypes => AuthServiceCollectionExtensions.ServiceTypes;

    public override IEnumerable<IOperationFilter> CreateFilters(IServiceProvider services) =>
    [
        services.GetRequiredService<DenyListUnavailableFilter>(),
        services.GetRequiredService<AutoRefreshFilter>(),
        services.GetRequiredService<ApiKeyFilter>(),
        services.GetRequiredService<Security.SignInOriginFilter>(),
    ];

    /// <summary>Users, their API keys and the roles, for administrators.</summary>
    public override IEnumerable<AdminUiPage> AdminUiPages =>
    [
        new("users", "Users") { Icon = "users", Order = 10 },
        new("keys", "API keys") { Icon = "key", Order = 11 },
        new("roles", "Roles") { Icon = "shield", Order = 12 },
    ];

    public override object? Describe(IServiceProvider services, OperationCatalog catalog)
    {
        var options = services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var providers = new List<AuthProviderInfo> { new("credentials", "credentials", "Email and password", "/auth/credentials") };
        providers.AddRange(services.GetRequiredService<OAuthProviders>().All
            .Select(p => new AuthProviderInfo(p.Name, "oauth", p.DisplayName, "/auth/" + p.Name)));
        // Type "code": send the email to /auth/send-code (SendSignInCode) first, then the code to the url.
        if (services.GetRequiredService<Codes.OneTimeCodes>().SignInEnabled)
            providers.Add(new AuthProviderInfo(AuthDefaults.EmailCodeProvider, "code", "Email me a code", "/auth/code"));
        return new AuthFeatureInfo(
            providers,
            options.AllowRegistration,
            options.RequireConfirmedEmail,
            [.. options.Roles],
            [.. options.Permissions],
            [.. options.ApiKeys.Scopes],
            [.. options.ApiKeys.UserScopes]);
    }
}

/// <summary>What <c>plugins.auth</c> says.</summary>
/// <param name="Providers">How one can sign in.</param>
/// <param name="AllowRegistration">Whether anyone may register (<c>POST /register</c>).</param>
/// <param name="RequireConfirmedEmail">Whether an email must be confirmed before signing in with a password.</param>
/// <param name="Roles">The roles the app knows.</param>
/// <param name="Permissions">The permissions the app knows.</param>
/// <param name="ApiKeyScopes">The scopes an admin may give an API key.</param>
/// <param name="ApiKeyUserScopes">The scopes users may give their own keys.</param>
internal sealed record AuthFeatureInfo(
    IReadOnlyList<AuthProviderInfo> Providers,
    bool AllowRegistration,
    bool RequireConfirmedEmail,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Permissions,
    IReadOnlyList<string> ApiKeyScopes,
    IReadOnlyList<string> ApiKeyUserScopes);

/// <summary>One way to sign in.</summary>
/// <param name="Name">The provider's name: <c>credentials</c>, <c>emailcode</c>, or the OAuth provider's configured name.</param>
/// <param name="Type"><c>credentials</c>, <c>oauth</c> or <c>code</c> (a code emailed by <see cref="SendSignInCode"/>, then sent to <paramref name="Url"/>).</param>
/// <param name="Label">What a sign-in page shows.</param>
/// <param name="Url">Where to send the credentials (POST) or the browser (GET, for OAuth).</param>
internal sealed record AuthProviderInfo(string Name, string Type, string Label, string Url);
