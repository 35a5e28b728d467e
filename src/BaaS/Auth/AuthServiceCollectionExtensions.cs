using BaaS.Auth;
using BaaS.Auth.ApiKeys;
using BaaS.Auth.Authentication;
using BaaS.Auth.Codes;
using BaaS.Auth.Email;
using BaaS.Auth.Hosting;
using BaaS.Auth.OAuth;
using BaaS.Auth.RateLimiting;
using BaaS.Auth.Services;
using BaaS.Auth.Sessions;
using BaaS.Auth.SignIn;
using BaaS.Auth.Tokens;
using BaaS.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS;

/// <summary>Registers the auth feature.</summary>
public static class AuthServiceCollectionExtensions
{
    /// <summary>The services the auth feature serves (Authenticate, Register, GetAccessToken, roles, email, API keys, admin, one-time codes).</summary>
    public static IReadOnlyList<Type> ServiceTypes { get; } =
    [
        typeof(AuthenticateService), typeof(RegisterService), typeof(AccessTokenService), typeof(RoleServices),
        typeof(EmailServices), typeof(ApiKeyServices), typeof(AdminUserServices), typeof(OneTimeCodeServices),
    ];

    /// <summary>
    /// Adds users and roles (ASP.NET Core Identity on BaaS.Data), sign-in with passwords and OAuth, JWT access tokens
    /// with rotating refresh tokens and cookies, API keys, lockout, the auth rate limit, email confirmation and password
    /// reset, and the admin APIs: <c>builder.Services.AddBaaSAuth(builder.Configuration.GetSection("Auth"), o =&gt; o.Roles = [...])</c>.
    /// Needs an <see cref="IDbConnectionFactory"/> and the tables of <see cref="AuthMigrations"/>; serves its operations
    /// through <c>AddBaaS</c>/<c>UseBaaS</c>.
    /// </summary>
    public static IServiceCollection AddBaaSAuth(this IServiceCollection services, IConfiguration? configuration = null, Action<AuthOptions>? configure = null)
    {
        var options = services.AddOptions<AuthOptions>();
        if (configuration is not null) options.Bind(configuration);
        if (configure is not null) options.Configure(configure);
        options.PostConfigure(o =>
        {
            if (!o.Roles.Contains(AuthRequirements.AdminRole, StringComparer.OrdinalIgnoreCase)) o.Roles.Insert(0, AuthRequirements.AdminRole);
        });
        // The key, lifetimes and OAuth settings are checked with every other option, before migrations write anything.
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, SignInCodeOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddHttpClient(OAuthProvider.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));

        services.AddIdentityCore<BaaSUser>()
            .AddRoles<BaaSRole>()
            .AddUserStore<BaaSUserStore>()
            .AddRoleStore<BaaSRoleStore>()
            .AddTokenProvider<DataProtectorTokenProvider<BaaSUser>>(TokenOptions.DefaultProvider);
        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((identity, auth) =>
        {
            var o = auth.Value;
            // Emails are unique by the database's index on normalized_email (a taken one is DuplicateEmail, 409); Identity's own
            // check would also demand an email of every user, and users from OAuth may have none.
            identity.User.RequireUniqueEmail = false;
            identity.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
            identity.Password = o.Password;
            identity.Lockout.AllowedForNewUsers = o.Lockout.Enabled;
            identity.Lockout.MaxFailedAccessAttempts = o.Lockout.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = o.Lockout.Duration;
            identity.SignIn.RequireConfirmedEmail = o.RequireConfirmedEmail;
        });
        services.AddOptions<PasswordHasherOptions>().Configure<IOptions<AuthOptions>>((hasher, auth) => hasher.IterationCount = auth.Value.PasswordHashIterations);
        services.AddOptions<DataProtectionTokenProviderOptions>().Configure<IOptions<AuthOptions>>((tokens, auth) => tokens.TokenLifespan = auth.Value.EmailTokenLifetime);
        services.AddDataProtection();
        services.TryAddSingleton<KeyEncryptionCertificate>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(keys =>
        {
            if (sp.GetRequiredService<IOptions<AuthOptions>>().Value.StoreDataProtectionKeys)
                keys.XmlRepository = new DbXmlRepository(sp.GetRequiredService<IDbConnectionFactory>());
            // Keys are encrypted before they are stored; the decryptor named in each key's XML finds the certificate in configuration.
            if (sp.GetRequiredService<KeyEncryptionCertificate>().Certificate is { } certificate)
                keys.XmlEncryptor = new CertificateKeyEncryptor(certificate, sp.GetRequiredService<ILoggerFactory>());
        }));
        // Nodes sharing the key ring must also share the application name, which ASP.NET Core otherwise takes from
        // each node's content root path.
        services.AddOptions<DataProtectionOptions>().Configure<IOptions<AuthOptions>, IOptions<BaaSOptions>>((protection, auth, baas) =>
        {
            if (auth.Value.StoreDataProtectionKeys) protection.ApplicationDiscriminator = "BaaS:" + baas.Value.ServiceName;
        });

        services.AddAuthentication(AuthDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, BaaSAuthenticationHandler>(AuthDefaults.Scheme, null);

        services.TryAddSingleton<AuthKeyProvider>();
        services.TryAddSingleton<AccessTokens>();
        // Revoked access tokens, in the cache (Redis across nodes when configured): checked on every request.
        services.AddBaaSCache();
        services.AddOptions<DenyListOptions>().BindConfiguration(DenyListOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton<AccessTokenDenyList>();
        services.TryAddSingleton<DenyListUnavailableFilter>();
        services.TryAddSingleton<RefreshTokens>();
        services.TryAddSingleton<AuthCookies>();
        services.TryAddSingleton<AuthSessions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAmbientCredentials, AuthCookieCredentials>());
        services.TryAddSingleton<ApiKeyStore>();
        services.TryAddSingleton<OAuthProviders>();
        services.TryAddSingleton<OAuthState>();
        services.TryAddSingleton<IEmailSender, LogEmailSender>();
        services.TryAddSingleton<AuthEmails>();
        services.TryAddSingleton<DummyPasswordHash>();
        services.TryAddSingleton<ClientSignInThrottle>();
        services.TryAddSingleton<OneTimeCodeHasher>();
        services.TryAddSingleton<OneTimeCodes>();
        services.TryAddScoped<PasswordSignIn>();
        services.TryAddScoped<OAuthAccounts>();
        services.TryAddScoped<OAuthSignInFlow>();
        services.TryAddScoped<AdminAccounts>();

        services.AddBaaSRateLimits();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<BaaS.RateLimiting.IRateLimitRuleSource, AuthRateLimitRules>());
        services.TryAddSingleton<AutoRefreshFilter>();
        services.TryAddSingleton<ApiKeyFilter>();
        services.TryAddSingleton<Security.SignInOriginFilter>();
        services.AddHostedService<AuthStartup>();
        services.AddHostedService<RefreshTokenCleanup>();
        if (services.FindBaaSFeature<AuthFeature>() is null) services.AddBaaSFeature(new AuthFeature());
        if (services.FindBaaSFeature<EmailFeature>() is null) services.AddBaaSFeature(new EmailFeature());
        return services;
    }
}
