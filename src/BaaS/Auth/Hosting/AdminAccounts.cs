using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BaaS.Auth;

/// <summary>Creates administrators: the first-run account from configuration, and the <c>--create-admin</c> command.</summary>
public sealed class AdminAccounts(UserManager<BaaSUser> users, IOptions<AuthOptions> options, TimeProvider clock)
{
    /// <summary>True when some user has the Admin role.</summary>
    public async Task<bool> AnyAdminAsync() => (await users.GetUsersInRoleAsync(AuthRequirements.AdminRole).ConfigureAwait(false)).Count > 0;

    /// <summary>
    /// Makes <paramref name="email"/> an administrator: creates the user with <paramref name="password"/> (and a
    /// confirmed email) when there is none, else gives the existing user the Admin role (the password is then left as
    /// it is). Throws <see cref="HttpError"/> (400) when the email or password is not acceptable.
    /// </summary>
    public async Task<(BaaSUser User, bool Created)> EnsureAdminAsync(string email, string? password)
    {
        var address = Services.AuthValidation.Email(email, "Email");
        var user = await users.FindByEmailAsync(address).ConfigureAwait(false) ?? await users.FindByNameAsync(address).ConfigureAwait(false);
        var created = false;
        if (user is null)
        {
            if (string.IsNullOrEmpty(password)) throw HttpError.Validation("Password", "Required", "A password is needed to create the administrator.");
            user = new BaaSUser
            {
                UserName = address,
                Email = address,
                EmailConfirmed = true,
                LockoutEnabled = true,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(user, password).ConfigureAwait(false);
            if (!result.Succeeded) throw Services.AuthValidation.ToHttpError(result);
            created = true;
        }
        var roles = new List<string> { AuthRequirements.AdminRole };
        roles.AddRange(options.Value.NewUserRoles);
        await Services.UserChanges.AddRolesAsync(users, user, [.. roles.Distinct(StringComparer.OrdinalIgnoreCase)]).ConfigureAwait(false);
        return (user, created);
    }
}
