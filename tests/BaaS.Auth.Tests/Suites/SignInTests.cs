using System.Net;
using BaaS.Auth.Tests.Fixtures;
using BaaS.Auth.Tests.Infrastructure;
using BaaS.Client;

namespace BaaS.Auth.Tests.Suites;

/// <summary>Registration, password sign-in, protected calls with a bearer token or cookies, the session, sign-out.</summary>
public abstract class SignInTests(AuthFixture host)
{
    [Fact]
    public async Task Register_answers_the_user_with_tokens_and_the_new_user_roles()
    {
        using var client = host.CreateClient();
        var name = host.NewUserName();
        var response = await client.SendAsync(new Register { UserName = name, Email = $"{name}@example.com", Password = "correct horse", AutoLogin = true });
        Assert.True(Guid.TryParse(response.UserId, out _));
        Assert.Equal(name, response.UserName);
        Assert.Equal(["Customer"], response.Roles);
        Assert.NotNull(response.BearerToken);
        Assert.NotNull(response.RefreshToken);
        Assert.NotNull(response.SessionId);
        client.BearerToken = response.BearerToken;
        Assert.Equal(name, (await client.SendAsync(new MembersOnly())).UserName);
    }

    [Fact]
    public async Task Register_without_auto_login_answers_no_tokens()
    {
        using var client = host.CreateClient();
        var name = host.NewUserName();
        var response = await client.SendAsync(new Register { Email = $"{name}@example.com", Password = "correct horse" });
        Assert.Equal($"{name}@example.com", response.UserName);
        Assert.Null(response.BearerToken);
        Assert.Null(response.RefreshToken);
    }

    [Theory]
    [InlineData("""{"password":"correct horse"}""", "Email", "Required")]
    [InlineData("""{"email":"not-an-email","password":"correct horse"}""", "Email", "InvalidEmail")]
    [InlineData("""{"email":"a@example.com"}""", "Password", "Required")]
    [InlineData("""{"email":"a@example.com","password":"short"}""", "Password", "PasswordTooShort")]
    [InlineData("""{"email":"a@example.com","password":"correct horse","confirmPassword":"other horse"}""", "ConfirmPassword", "PasswordsDoNotMatch")]
    [InlineData("""{"email":"a@example.com","userName":"has space","password":"correct horse"}""", "UserName", "InvalidUserName")]
    public async Task Register_refuses_bad_input_with_400_naming_the_field(string body, string field, string code)
    {
        using var http = host.CreateHttp();
        using var response = await http.SendAsync(HttpMethod.Post, "/register", body);
        var status = await response.ErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal(code, status.Code());
        Assert.Equal(field, status.FieldOf());
    }

    [Fact]
    public async Task Register_with_a_taken_user_name_or_email_is_409_naming_the_field()
    {
        var existing = await host.SignUpAsync();
        using var http = host.CreateHttp();
        using var sameName = await http.SendAsync(HttpMethod.Post, "/register",
            $$"""{"userName":"{{existing.UserName}}","email":"{{host.NewUserName()}}@example.com","password":"correct horse"}""");
        Assert.Equal("UserName", (await sameName.ErrorAsync(HttpStatusCode.Conflict)).FieldOf());
        using var sameEmail = await http.SendAsync(HttpMethod.Post, "/register",
            $$"""{"userName":"{{host.NewUserName()}}","email":"{{existing.Email.ToUpperInvariant()}}","password":"correct horse"}""");
        Assert.Equal("Email", (await sameEmail.ErrorAsync(HttpStatusCode.Conflict)).FieldOf());
    }

    [Fact]
    public async Task Register_never_gives_the_roles_or_permissions_a_caller_asks_for()
    {
        using var http = host.CreateHttp();
        var name = host.NewUserName();
        using var response = await http.SendAsync(HttpMethod.Post, "/register",
            $$"""{"userName":"{{name}}","email":"{{name}}@example.com","password":"correct horse","autoLogin":true,"roles":["Admin"],"permissions":["orders.refund"]}""");
        var body = await response.JsonAsync();
        Assert.Equal(["Customer"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        using var admin = await http.SendAsync(HttpMethod.Get, "/api/AdminOnly", bearer: body.GetProperty("bearerToken").GetString());
        Assert.Equal("MissingRole", (await admin.ErrorAsync(HttpStatusCode.Forbidden)).Code());
    }

    [Fact]
    public async Task Sign_in_by_user_name_or_email_answers_tokens_roles_and_a_session()
    {
        var user = await host.SignUpAsync();
        using var client = host.CreateClient();
        foreach (var login in new[] { user.UserName, user.Email })
        {
            var response = await client.SendAsync(new Authenticate { Provider = "credentials", UserName = login, Password = user.Password });
            Assert.Equal(user.UserId, response.UserId);
            Assert.Equal(user.UserName, response.UserName);
            Assert.Equal(user.UserName, response.DisplayName);
            Assert.Equal(["Customer"], response.Roles);
            Assert.Equal([], response.Permissions);
            Assert.Equal("credentials", response.AuthProvider);
            Assert.Equal(3, response.BearerToken!.Split('.').Length);
            Assert.NotEqual(user.SessionIdOf(), response.SessionId);
        }
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_answer_the_same_401()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp();
        using var wrong = await http.SendAsync(HttpMethod.Post, "/auth/credentials", $$"""{"userName":"{{user.UserName}}","password":"nope nope"}""");
        using var unknown = await http.SendAsync(HttpMethod.Post, "/auth/credentials", $$"""{"userName":"{{host.NewUserName()}}","password":"nope nope"}""");
        var a = await wrong.ErrorAsync(HttpStatusCode.Unauthorized);
        var b = await unknown.ErrorAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("InvalidCredentials", a.Code());
        Assert.Equal(a.ToString(), b.ToString());
    }

    [Fact]
    public async Task Sign_in_without_a_user_name_or_password_is_400_naming_the_field()
    {
        using var http = host.CreateHttp();
        using var noName = await http.SendAsync(HttpMethod.Post, "/auth/credentials", """{"password":"x"}""");
        Assert.Equal("UserName", (await noName.ErrorAsync(HttpStatusCode.BadRequest)).FieldOf());
        using var noPassword = await http.SendAsync(HttpMethod.Post, "/auth/credentials", """{"userName":"x"}""");
        Assert.Equal("Password", (await noPassword.ErrorAsync(HttpStatusCode.BadRequest)).FieldOf());
    }

    [Fact]
    public async Task Password_sign_in_over_GET_is_refused_so_passwords_stay_out_of_URLs()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp();
        using var response = await http.SendAsync(HttpMethod.Get, $"/auth/credentials?userName={user.UserName}&password={user.Password}");
        await response.ErrorAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_signed_in_callers_without_the_right_get_403()
    {
        using var http = host.CreateHttp();
        using var anonymous = await http.SendAsync(HttpMethod.Get, "/api/MembersOnly");
        Assert.Equal("Unauthorized", (await anonymous.ErrorAsync(HttpStatusCode.Unauthorized)).Code());

        var customer = await host.SignUpAsync();
        var missingRole = await customer.Client.ApiAsync(new OwnersOnly());
        Assert.Equal((403, "MissingRole"), (missingRole.StatusCode, missingRole.ErrorCode));
        var missingPermission = await customer.Client.ApiAsync(new RefundOrder { OrderId = 1 });
        Assert.Equal((403, "MissingPermission"), (missingPermission.StatusCode, missingPermission.ErrorCode));
        Assert.Equal(403, (await customer.Client.ApiAsync(new AdminOnly())).StatusCode);

        var owner = await host.WithRolesAsync(customer, ["Owner"], ["orders.refund"]);
        Assert.Equal(["Customer", "Owner"], (await owner.Client.SendAsync(new OwnersOnly())).Roles.Order());
        Assert.Equal(["orders.refund"], (await owner.Client.SendAsync(new RefundOrder { OrderId = 1 })).Permissions);

        using var admin = await host.AdminAsync();
        foreach (var result in new[] { await admin.ApiAsync(new OwnersOnly()), await admin.ApiAsync(new RefundOrder()), await admin.ApiAsync(new AdminOnly()) })
            Assert.True(result.Succeeded, result.ErrorMessage);
    }

    [Fact]
    public async Task Token_cookies_are_HttpOnly_SameSite_Lax_with_max_age_and_sign_the_browser_in()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp(cookies: true);
        using var signIn = await http.SendAsync(HttpMethod.Post, "/auth/credentials",
            $$"""{"userName":"{{user.UserName}}","password":"{{user.Password}}","rememberMe":true}""");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookies = signIn.SetCookies();
        foreach (var name in new[] { "ss-tok", "ss-reftok" })
        {
            var cookie = cookies[name].ToLowerInvariant();
            Assert.Contains("httponly", cookie);
            Assert.Contains("samesite=lax", cookie);
            Assert.Contains("path=/", cookie);
            Assert.Contains("max-age=", cookie);
            Assert.DoesNotContain("secure", cookie);   // Development serves plain HTTP; other environments mark them Secure
            Assert.DoesNotContain("expires=", cookie); // no comma for clients that split Set-Cookie on commas
        }
        Assert.Contains("max-age=900", cookies["ss-tok"]);
        Assert.Contains("max-age=604800", cookies["ss-reftok"]);
        Assert.Equal("ss-tok,ss-reftok", signIn.Headers.GetValues("X-Cookies").Single());

        using var me = await http.SendAsync(HttpMethod.Get, "/api/MembersOnly");
        Assert.Equal(user.UserName, (await me.JsonAsync()).GetProperty("userName").GetString());
    }

    [Fact]
    public async Task Use_token_cookie_keeps_the_tokens_out_of_the_body()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp(cookies: true);
        using var signIn = await http.SendAsync(HttpMethod.Post, "/auth/credentials",
            $$"""{"userName":"{{user.UserName}}","password":"{{user.Password}}","useTokenCookie":true}""");
        var body = await signIn.JsonAsync();
        Assert.False(body.TryGetProperty("bearerToken", out _));
        Assert.False(body.TryGetProperty("refreshToken", out _));
        Assert.Equal(user.UserId, body.GetProperty("userId").GetString());
        using var me = await http.SendAsync(HttpMethod.Get, "/api/MembersOnly");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Without_remember_me_the_token_cookies_end_with_the_browser()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp();
        using var signIn = await http.SendAsync(HttpMethod.Post, "/auth/credentials", $$"""{"userName":"{{user.UserName}}","password":"{{user.Password}}"}""");
        var cookies = signIn.SetCookies();
        Assert.DoesNotContain("max-age", cookies["ss-tok"]);
        Assert.DoesNotContain("max-age", cookies["ss-reftok"]);
    }

    [Fact]
    public async Task Get_auth_answers_the_current_session_and_401_when_signed_out()
    {
        var user = await host.SignUpAsync();
        var session = await user.Client.SendAsync<AuthenticateResponse>("GET", "/auth");
        Assert.Equal(user.UserId, session.UserId);
        Assert.Equal(user.UserName, session.UserName);
        Assert.Equal(["Customer"], session.Roles);
        Assert.Equal(user.SessionIdOf(), session.SessionId);
        Assert.Null(session.BearerToken);

        using var anonymous = host.CreateHttp();
        using var response = await anonymous.SendAsync(HttpMethod.Get, "/auth");
        await response.ErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_revokes_the_session_and_clears_the_cookies()
    {
        var user = await host.SignUpAsync();
        using var http = host.CreateHttp(cookies: true);
        using var signIn = await http.SendAsync(HttpMethod.Post, "/auth/credentials", $$"""{"userName":"{{user.UserName}}","password":"{{user.Password}}"}""");
        var refreshToken = (await signIn.JsonAsync()).GetProperty("refreshToken").GetString()!;

        using var logout = await http.SendAsync(HttpMethod.Post, "/auth/logout", "{}");
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        var cleared = logout.SetCookies();
        Assert.Contains("max-age=0", cleared["ss-tok"]);
        Assert.Contains("max-age=0", cleared["ss-reftok"]);

        using var refresh = await http.SendAsync(HttpMethod.Post, "/access-token", $$"""{"refreshToken":"{{refreshToken}}"}""");
        Assert.Equal("RefreshTokenRevoked", (await refresh.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
        using var me = await http.SendAsync(HttpMethod.Get, "/api/MembersOnly");
        await me.ErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_with_a_bearer_token_ends_that_session_only()
    {
        var user = await host.SignUpAsync();
        using var other = host.CreateClient();
        var otherSession = await other.SendAsync(new Authenticate { Provider = "credentials", UserName = user.UserName, Password = user.Password });

        await user.Client.SendAsync(new Authenticate { Provider = "logout" });
        var revoked = await user.Client.ApiAsync(new GetAccessToken { RefreshToken = user.RefreshToken });
        Assert.Equal("RefreshTokenRevoked", revoked.ErrorCode);
        var stillGood = await other.ApiAsync(new GetAccessToken { RefreshToken = otherSession.RefreshToken });
        Assert.True(stillGood.Succeeded, stillGood.ErrorMessage);
    }

    [Fact]
    public async Task Typed_client_signs_in_and_calls_with_the_same_DTOs()
    {
        var user = await host.SignUpAsync();
        using var client = host.CreateClient();
        var result = await client.ApiAsync(new Authenticate { Provider = "credentials", UserName = user.UserName, Password = "wrong password" });
        Assert.Equal((401, "InvalidCredentials"), (result.StatusCode, result.ErrorCode));
        var ok = await client.SendAsync(new Authenticate { Provider = "credentials", UserName = user.UserName, Password = user.Password });
        client.BearerToken = ok.BearerToken;
        var me = await client.SendAsync(new WhoAmI());
        Assert.Equal(user.UserId, me.UserId);
        var ex = await Assert.ThrowsAsync<WebServiceException>(() => client.SendAsync(new AdminOnly()));
        Assert.Equal(403, ex.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSignInTests(SqliteAuthFixture host) : SignInTests(host);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSignInTests(PostgreSqlAuthFixture host) : SignInTests(host);
