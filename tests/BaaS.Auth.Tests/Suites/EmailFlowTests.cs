using System.Net;
using BaaS.Auth.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace BaaS.Auth.Tests.Suites;

/// <summary>Email confirmation and password reset through Identity's token providers, and password change.</summary>
public abstract class EmailFlowTests(AuthFixture host)
{
    private static (string UserId, string Token) LinkParts(EmailMessage message)
    {
        var query = QueryHelpers.ParseQuery(new Uri(message.Link!).Query);
        return (query["userId"]!, query["token"]!);
    }

    private async Task<AdminUser> AdminViewAsync(string userId)
    {
        using var admin = await host.AdminAsync();
        return (await admin.SendAsync(new AdminGetUser { Id = userId })).Result;
    }

    [Fact]
    public async Task Registering_emails_a_confirmation_link_that_confirms_the_address()
    {
        var user = await host.SignUpAsync();
        var email = host.Emails.Last(user.Email, "confirm-email");
        Assert.Equal(user.UserId, email.UserId);
        Assert.StartsWith(host.BaseUrl + "/auth/confirm-email?userId=", email.Link);
        Assert.Contains(email.Link!, email.TextBody);
        Assert.False((await AdminViewAsync(user.UserId)).EmailConfirmed);

        using var http = host.CreateHttp();
        using var confirmed = await http.GetAsync(email.Link);
        Assert.Equal("{}", await confirmed.Content.ReadAsStringAsync());
        Assert.True((await AdminViewAsync(user.UserId)).EmailConfirmed);
    }

    [Fact]
    public async Task A_wrong_or_altered_confirmation_token_is_400_naming_the_token()
    {
        var user = await host.SignUpAsync();
        var (userId, token) = LinkParts(host.Emails.Last(user.Email, "confirm-email"));
        using var client = host.CreateClient();
        var altered = await client.ApiAsync(new ConfirmEmail { UserId = userId, Token = token[..^2] + "xx" });
        Assert.Equal((400, "InvalidToken", "Token"), (altered.StatusCode, altered.ErrorCode, altered.FieldErrors.Single().FieldName));
        var otherUser = await host.SignUpAsync();
        var misdirected = await client.ApiAsync(new ConfirmEmail { UserId = otherUser.UserId, Token = token });
        Assert.Equal((400, "Token"), (misdirected.StatusCode, misdirected.FieldErrors.Single().FieldName));
        var missing = await client.ApiAsync(new ConfirmEmail { UserId = userId });
        Assert.Equal((400, "Token"), (missing.StatusCode, missing.FieldErrors.Single().FieldName));
        Assert.False((await AdminViewAsync(user.UserId)).EmailConfirmed);
    }

    [Fact]
    public async Task Confirmation_can_be_sent_again_but_only_to_unconfirmed_addresses()
    {
        var user = await host.SignUpAsync();
        using var client = host.CreateClient();
        await client.SendAsync(new SendEmailConfirmation { Email = user.Email });
        Assert.Equal(2, host.Emails.To(user.Email).Count(m => m.Kind == "confirm-email"));
        using (await host.CreateHttp().GetAsync(host.Emails.Last(user.Email, "confirm-email").Link)) { }
        await client.SendAsync(new SendEmailConfirmation { Email = user.Email });
        Assert.Equal(2, host.Emails.To(user.Email).Count(m => m.Kind == "confirm-email"));
    }

    [Fact]
    public async Task Password_reset_sets_the_new_password_and_ends_every_session()
    {
        var user = await host.SignUpAsync();
        using var client = host.CreateClient();
        await client.SendAsync(new ForgotPassword { Email = user.Email });
        var email = host.Emails.Last(user.Email, "reset-password");
        Assert.StartsWith(host.BaseUrl + "/reset-password?userId=", email.Link);
        var (userId, token) = LinkParts(email);

        await client.SendAsync(new ResetPassword { UserId = userId, Token = token, Password = "brand new secret" });
        var old = await client.ApiAsync(new Authenticate { Provider = "credentials", UserName = user.UserName, Password = user.Password });
        Assert.Equal(401, old.StatusCode);
        var fresh = await client.ApiAsync(new Authenticate { Provider = "credentials", UserName = user.UserName, Password = "brand new secret" });
        Assert.True(fresh.Succeeded, fresh.ErrorMessage);
        var stolenSession = await client.ApiAsync(new GetAccessToken { RefreshToken = user.RefreshToken });
        Assert.Equal((401, "RefreshTokenRevoked"), (stolenSession.StatusCode, stolenSession.ErrorCode));
        // A reset token works once: the password change made it stale.
        var again = await client.ApiAsync(new ResetPassword { UserId = userId, Token = token, Password = "another new secret" });
        Assert.Equal((400, "Token"), (again.StatusCode, again.FieldErrors.Single().FieldName));
    }

    [Fact]
    public async Task Password_reset_refuses_a_weak_password_or_bad_token_naming_the_field()
    {
        var user = await host.SignUpAsync();
        using var client = host.CreateClient();
        await client.SendAsync(new ForgotPassword { Email = user.Email });
        var (userId, token) = LinkParts(host.Emails.Last(user.Email, "reset-password"));
        var weak = await client.ApiAsync(new ResetPassword { UserId = userId, Token = token, Password = "short" });
        Assert.Equal((400, "Password"), (weak.StatusCode, weak.FieldErrors.Single().FieldName));
        var bad = await client.ApiAsync(new ResetPassword { UserId = userId, Token = "nope", Password = "long enough now" });
        Assert.Equal((400, "Token"), (bad.StatusCode, bad.FieldErrors.Single().FieldName));
        var unknownUser = await client.ApiAsync(new ResetPassword { UserId = Guid.NewGuid().ToString(), Token = token, Password = "long enough now" });
        Assert.Equal((400, "Token"), (unknownUser.StatusCode, unknownUser.FieldErrors.Single().FieldName));
        Assert.True((await client.ApiAsync(new Authenticate { Provider = "credentials", UserName = user.UserName, Password = user.Password })).Succeeded);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_unknown_addresses_and_sends_nothing()
    {
        using var http = host.CreateHttp();
        var address = host.NewUserName() + "@nowhere.example";
        using var unknown = await http.SendAsync(HttpMethod.Post, "/api/ForgotPassword", $$"""{"email":"{{address}}"}""");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal("{}", await unknown.Content.ReadAsStringAsync());
        Assert.Empty(host.Emails.To(address));
        using var invalid = await http.SendAsync(HttpMethod.Post, "/api/ForgotPassword", """{"email":"no at sign"}""");
        Assert.Equal("Email", (await invalid.ErrorAsync(HttpStatusCode.BadRequest)).FieldOf());
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_the_other_sessions()
    {
        var user = await host.SignUpAsync();
        using var laptop = host.CreateClient();
        var laptopSession = await laptop.SendAsync(new Authenticate { Provider = "credentials", UserName = user.UserName, Password = user.Password });

        var wrong = await user.Client.ApiAsync(new ChangePassword { CurrentPassword = "not it", NewPassword = "a new password" });
        Assert.Equal((400, "CurrentPassword"), (wrong.StatusCode, wrong.FieldErrors.Single().FieldName));
        var weak = await user.Client.ApiAsync(new ChangePassword { CurrentPassword = user.Password, NewPassword = "short" });
        Assert.Equal((400, "NewPassword"), (weak.StatusCode, weak.FieldErrors.Single().FieldName));

        await user.Client.SendAsync(new ChangePassword { CurrentPassword = user.Password, NewPassword = "a new password" });
        Assert.Equal(401, (await laptop.ApiAsync(new GetAccessToken { RefreshToken = laptopSession.RefreshToken })).StatusCode);
        Assert.True((await user.Client.ApiAsync(new GetAccessToken { RefreshToken = user.RefreshToken })).Succeeded);
        using var anonymous = host.CreateClient();
        Assert.Equal(401, (await anonymous.ApiAsync(new ChangePassword { CurrentPassword = "x", NewPassword = "y" })).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteEmailFlowTests(SqliteAuthFixture host) : EmailFlowTests(host);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlEmailFlowTests(PostgreSqlAuthFixture host) : EmailFlowTests(host);
