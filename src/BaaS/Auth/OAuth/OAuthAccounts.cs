using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.OAuth;

/// <summary>
/// Finds or makes the account for an identity a provider vouched for:
/// the account already linked to that provider id; else the account with the same email, linked now, but only when
/// the provider verified the address and the account's own address is confirmed (so nobody takes over an account by
/// registering an address they do not own, at either end); else a new account with the app's new-user roles.
/// </summary>
internal sealed class OAuthAccounts(UserManager<BaaSUser> users, IOptions<AuthOptions> options, TimeProvider clock, ILogger<OAuthAccounts> logger)
{
    public async Task<BaaSUser> FindOrCreateAsync(ExternalIdentity identity, string providerDisplayName)
    {
        var linked = await users.FindByLoginAsync(identity.Provider, identity.ProviderKey).ConfigureAwait(false);
        if (linked is not null)
        {
            AuthLog.OAuthSignIn(logger, identity.Provider, "signed in", linked.Id);
            return linked;
        }

        var login = new UserLoginInfo(identity.Provider, identity.ProviderKey, providerDisplayName);
        if (identity.Email is not null && await users.FindByEmailAsync(identity.Email).ConfigureAwait(false) is { } existing)
        {
            if (!identity.EmailVerified)
                throw HttpError.Conflict(
                    $"An account with the email {identity.Email} exists, but {providerDisplayName} has not verified that address, so the sign-in cannot be linked to it. " +
                    "Verify the address with the provider, or sign in with your password.", "EmailNotVerified");
            if (!existing.EmailConfirmed)
                throw HttpError.Conflict(
                    $"An account with the email {identity.Email} exists but its address was never confirmed, so it cannot be linked to {providerDisplayName}. " +
                    "Sign in with its password (or reset the password by email), then sign in with the provider again.", "AccountNotConfirmed");
            var added = await users.AddLoginAsync(existing, login).ConfigureAwait(false);
            if (!added.Succeeded) throw Services.AuthValidation.ToHttpError(added);
            AuthLog.OAuthSignIn(logger, identity.Provider, "linked to existing", existing.Id);
            return existing;
        }

        var user = new BaaSUser
        {
            UserName = await FreeUserNameAsync(identity).ConfigureAwait(false),
            // An address the provider did not verify is not kept: it would claim an address nobody proved.
            Email = identity.EmailVerified ? identity.Email : null,
            EmailConfirmed = identity.EmailVerified,
            DisplayName = identity.DisplayName,
            ProfileUrl = identity.PictureUrl,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user).ConfigureAwait(false);
        if (!created.Succeeded) throw Services.AuthValidation.ToHttpError(created);
        try
        {
            var result = await users.AddLoginAsync(user, login).ConfigureAwait(false);
            if (result.Succeeded && options.Value.NewUserRoles.Count > 0)
                result = await users.AddToRolesAsync(user, options.Value.NewUserRoles).ConfigureAwait(false);
            if (!result.Succeeded) throw Services.AuthValidation.ToHttpError(result);
        }
        catch
        {
            await users.DeleteAsync(user).ConfigureAwait(false);
            throw;
        }
        AuthLog.OAuthSignIn(logger, identity.Provider, "created", user.Id);
        return user;
    }

    /// <summary>The provider's login (or the email, or provider-id) if free, else with a random suffix.</summary>
    private async Task<string> FreeUserNameAsync(ExternalIdentity identity)
    {
        var allowed = users.Options.User.AllowedUserNameCharacters;
        var basis = identity.UserName ?? (identity.EmailVerified ? identity.Email : null) ?? $"{identity.Provider}-{identity.ProviderKey}";
        basis = new string([.. basis.Where(c => string.IsNullOrEmpty(allowed) || allowed.Contains(c))]);
        if (basis.Length == 0) basis = identity.Provider;
        if (basis.Length > 200) basis = basis[..200];
        var candidate = basis;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if (await users.FindByNameAsync(candidate).ConfigureAwait(false) is null) return candidate;
            candidate = $"{basis}-{RandomNumberGenerator.GetInt32(1000, 10000)}";
        }
        return $"{basis}-{Guid.NewGuid():N}";
    }
}
