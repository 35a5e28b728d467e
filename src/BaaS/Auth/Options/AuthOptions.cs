using Microsoft.AspNetCore.Identity;

namespace BaaS.Auth;

/// <summary>
/// The auth feature's options: <c>builder.Services.AddBaaSAuth(builder.Configuration.GetSection("Auth"), o =&gt; ...)</c>.
/// Read from the <c>Auth</c> configuration section first (appsettings, environment variables such as
/// <c>Auth__Jwt__Secret</c>, <c>.env</c> in Development), then changed by code; fixed once the app starts.
/// </summary>
public sealed class AuthOptions
{
    /// <summary>The app's roles. <c>Admin</c> is always one. Roles outside this list cannot be given to users.</summary>
    public List<string> Roles { get; set; } = [AuthRequirements.AdminRole];

    /// <summary>Roles every new user gets, through <see cref="Register"/> or an OAuth sign-in.</summary>
    public List<string> NewUserRoles { get; set; } = [];

    /// <summary>
    /// The app's permissions. When empty, any permission made of letters, digits and <c>. : _ -</c> may be given;
    /// when set, only these.
    /// </summary>
    public List<string> Permissions { get; set; } = [];

    /// <summary>Whether anyone may create an account with <see cref="Register"/>. Default: true.</summary>
    public bool AllowRegistration { get; set; } = true;

    /// <summary>Refuse sign-in with a password until the email address is confirmed. Default: false.</summary>
    public bool RequireConfirmedEmail { get; set; }

    /// <summary>Email a confirmation link when an account is registered. Default: true.</summary>
    public bool SendConfirmationEmail { get; set; } = true;

    /// <summary>The path of the page that asks for a new password; the reset email links to it with <c>?userId=&amp;token=</c>. Default: <c>/reset-password</c>.</summary>
    public string ResetPasswordPath { get; set; } = "/reset-password";

    /// <summary>How long email-confirmation and password-reset tokens work. Default: 1 day.</summary>
    public TimeSpan EmailTokenLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// PBKDF2 iterations of password hashes (Identity's <see cref="PasswordHasherOptions"/>). Default: 100,000; lower
    /// only in tests.
    /// </summary>
    public int PasswordHashIterations { get; set; } = 100_000;

    /// <summary>What a password must look like (Identity's <see cref="PasswordOptions"/>). Default: 8 or more characters.</summary>
    public PasswordOptions Password { get; } = new()
    {
        RequiredLength = 8,
        RequireDigit = false,
        RequireLowercase = false,
        RequireUppercase = false,
        RequireNonAlphanumeric = false,
        RequiredUniqueChars = 1,
    };

    /// <summary>Tokens: keys, lifetimes, refresh-token rotation.</summary>
    public JwtOptions Jwt { get; } = new();

    /// <summary>The <c>ss-tok</c> / <c>ss-reftok</c> cookies.</summary>
    public AuthCookieOptions Cookies { get; } = new();

    /// <summary>API keys.</summary>
    public ApiKeyOptions ApiKeys { get; } = new();

    /// <summary>Locking accounts after failed sign-ins.</summary>
    public AuthLockoutOptions Lockout { get; } = new();

    /// <summary>The rate limit of the sign-in, registration and password endpoints.</summary>
    public AuthRateLimitOptions RateLimit { get; } = new();

    /// <summary>One-time codes by email: sign-in without a password, and email confirmation by code.</summary>
    public SignInCodeOptions SignInCodes { get; } = new();

    /// <summary>OAuth providers by name (<c>github</c>, <c>google</c>, or any name for an OpenID Connect provider).</summary>
    public Dictionary<string, OAuthProviderOptions> OAuth { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The first administrator, created at startup when no user has the Admin role.</summary>
    public AdminAccountOptions Admin { get; } = new();

    /// <summary>
    /// Keep ASP.NET Core's data-protection keys in the database, with the application name <c>BaaS:{ServiceName}</c>, so
    /// every node of the app reads the tokens the others made. Default: true.
    /// </summary>
    public bool StoreDataProtectionKeys { get; set; } = true;

    /// <summary>The certificate the data-protection keys are encrypted with at rest.</summary>
    public DataProtectionKeyOptions DataProtection { get; } = new();
}
