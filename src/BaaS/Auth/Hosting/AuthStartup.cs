using BaaS.Auth.Tokens;
using BaaS.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Hosting;

/// <summary>
/// Runs as the app starts (after hosted services registered before it, such as migrations): loads the token key, so a
/// missing key (or an OAuth provider missing its settings) fails startup with instructions rather than the first sign-in, and creates the first administrator
/// from <c>Auth:Admin</c> when no user has the Admin role yet. It also loads the certificate that encrypts the data-protection
/// keys, or warns (outside Development) that they are stored unencrypted.
/// </summary>
internal sealed class AuthStartup(AuthKeyProvider keys, OAuth.OAuthProviders oauthProviders, IServiceScopeFactory scopes, IOptions<AuthOptions> options,
    KeyEncryptionCertificate keyCertificate, IEmailSender emailSender, IHostEnvironment environment, ILogger<AuthStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        options.Value.Jwt.Validate();
        var ring = keys.KeyRing;
        AuthLog.SigningKey(logger, ring.Algorithm, ring.Source);
        // Said once, here, rather than with every email that goes nowhere.
        if (emailSender is Email.LogEmailSender { WritesMessages: false }) AuthLog.NoEmailSender(logger, environment.EnvironmentName);
        // Made at startup so a misconfigured provider fails here, not at the first sign-in.
        _ = oauthProviders.Names.Count();
        CheckKeyProtection();

        var admin = options.Value.Admin;
        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
        try
        {
            if (await accounts.AnyAdminAsync().ConfigureAwait(false)) return;
        }
        catch (DataSchemaException)
        {
            // The auth tables are not there yet (migrations run by hand): say so, and serve what can be served.
            AuthLog.AuthTablesMissing(logger);
            return;
        }
        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrEmpty(admin.Password))
        {
            AuthLog.NoAdmin(logger);
            return;
        }
        var (user, _) = await accounts.EnsureAdminAsync(admin.Email, admin.Password).ConfigureAwait(false);
        AuthLog.AdminCreated(logger, user.Email ?? user.UserName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Loads the key certificate now (a bad file or password fails startup), or warns outside Development that there is none.</summary>
    private void CheckKeyProtection()
    {
        if (keyCertificate.Certificate is { } certificate) KeyProtectionLog.KeysProtected(logger, certificate.Thumbprint);
        else if (options.Value.StoreDataProtectionKeys && !environment.IsDevelopment()) KeyProtectionLog.KeysUnprotected(logger);
    }
}
