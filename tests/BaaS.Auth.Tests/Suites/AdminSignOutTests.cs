using BaaS.Auth.Tests.Infrastructure;
using BaaS.Client;
using Microsoft.AspNetCore.WebUtilities;

namespace BaaS.Auth.Tests.Suites;

/// <summary>
/// <see cref="AdminUpdateUser.SignOutEverywhere"/>: every session of the user ends (refresh tokens, reset links), the
/// account itself stays usable, and nobody else's session is touched.
/// </summary>
public abstract class AdminSignOutTests(AuthFixture host)
{
    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_of_the_user_and_nobody_elses()
    {
        var user = await host.SignUpAsync();
        var bystander = await host.SignUpAsync();
        using var phone = host.CreateClient();
        var phoneSession = await phone.SendAsync(new Authenticate { Provider = "credentials", UserName = user.UserName, Password = user.Password });
        await phone.SendAsync(new ForgotPassword { Email = user.Email });
        var resetToken = QueryHelpers.ParseQuery(new Uri(host.Emails.Last(user.Email, "reset-password").Link!).Query)["token"].ToString();
        using var admin = host.CreateClient();
        var adminSession = await admin.SendAsync(new Authenticate { Provider = "credentials", UserName = AuthFixture.AdminEmail, Password = host.AdminPassword });
        admin.BearerToken = adminSession.BearerToken;

        var answer = await admin.SendAsync(new AdminUpdateUser { Id = user.UserId, SignOutEverywhere = true });

        Assert.Null(answer.Result.LockedUntil);
        foreach (var refreshToken in new[] { user.RefreshToken, phoneSession.RefreshToken })
        {
            var refused = await phone.ApiAsync(new GetAccessToken { RefreshToken = refreshToken });
            Assert.Equal((401, "RefreshTokenRevoked"), (refused.StatusCode, refused.ErrorCode));
        }
        // The security stamp changed, so a reset link mailed before is void.
        var staleReset = await phone.ApiAsync(new ResetPassword { UserId = user.UserId, Token = resetToken, Password = "a different secret" });
        Assert.Equal((400, "Token"), (staleReset.StatusCode, staleReset.FieldErrors.Single().FieldName));
        // The account is neither locked nor changed: the same password signs in again.
        Assert.True((await phone.ApiAsync(new Authenticate { Provider = "credentials", UserName = user.UserName, Password = user.Password })).Succeeded);
        // The administrator's session and another user's session still refresh.
        Assert.True((await admin.ApiAsync(new GetAccessToken { RefreshToken = adminSession.RefreshToken })).Succeeded);
        Assert.True((await bystander.Client.ApiAsync(new GetAccessToken { RefreshToken = bystander.RefreshToken })).Succeeded);
    }

    [Fact]
    public async Task Signing_out_ones_own_account_everywhere_keeps_the_session_that_asked()
    {
        using var firstAdmin = await host.AdminAsync();
        var name = host.NewUserName("admin");
        var created = await firstAdmin.SendAsync(new AdminCreateUser { UserName = name, Email = $"{name}@example.com", Password = "second admin pw", Roles = ["Admin"] });
        using var desk = host.CreateClient();
        var deskSession = await desk.SendAsync(new Authenticate { Provider = "credentials", UserName = name, Password = "second admin pw" });
        desk.BearerToken = deskSession.BearerToken;
        using var laptop = host.CreateClient();
        var laptopSession = await laptop.SendAsync(new Authenticate { Provider = "credentials", UserName = name, Password = "second admin pw" });

        await desk.SendAsync(new AdminUpdateUser { Id = created.Result.Id, SignOutEverywhere = true });

        Assert.Equal(401, (await laptop.ApiAsync(new GetAccessToken { RefreshToken = laptopSession.RefreshToken })).StatusCode);
        Assert.True((await desk.ApiAsync(new GetAccessToken { RefreshToken = deskSession.RefreshToken })).Succeeded);
    }

    [Fact]
    public async Task Sign_out_everywhere_is_for_administrators_and_for_users_that_exist()
    {
        var user = await host.SignUpAsync();
        var asUser = await user.Client.ApiAsync(new AdminUpdateUser { Id = user.UserId, SignOutEverywhere = true });
        Assert.Equal(403, asUser.StatusCode);
        Assert.True((await user.Client.ApiAsync(new GetAccessToken { RefreshToken = user.RefreshToken })).Succeeded);
        using var admin = await host.AdminAsync();
        var missing = await admin.ApiAsync(new AdminUpdateUser { Id = Guid.NewGuid().ToString(), SignOutEverywhere = true });
        Assert.Equal((404, "UserNotFound"), (missing.StatusCode, missing.ErrorCode));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAdminSignOutTests(SqliteAuthFixture host) : AdminSignOutTests(host);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlAdminSignOutTests(PostgreSqlAuthFixture host) : AdminSignOutTests(host);
