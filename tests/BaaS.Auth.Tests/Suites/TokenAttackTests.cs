using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using BaaS.Auth.Tests.Fixtures;
using BaaS.Auth.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BaaS.Auth.Tests.Suites;

/// <summary>Forged, altered and misdirected tokens, and users reaching for rights they do not have.</summary>
public abstract class TokenAttackTests(AuthFixture host)
{
    private async Task<string> ForgeAsync(Action<SecurityTokenDescriptor> change, byte[]? key = null)
    {
        var user = await host.SignUpAsync();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", user.UserId), new Claim("name", user.UserName), new Claim("role", "Admin")]),
            Issuer = "baas",
            Audience = "baas",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? Convert.FromBase64String(host.JwtSecret)), SecurityAlgorithms.HmacSha256),
        };
        change(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private async Task AssertRefusedAsync(string token, string code)
    {
        using var http = host.CreateHttp();
        using var response = await http.SendAsync(HttpMethod.Get, "/api/AdminOnly", bearer: token);
        Assert.Equal(code, (await response.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
        using var cookie = await http.SendAsync(HttpMethod.Get, "/api/AdminOnly", headers: new Dictionary<string, string> { ["Cookie"] = $"ss-tok={token}" });
        Assert.Equal(code, (await cookie.ErrorAsync(HttpStatusCode.Unauthorized)).Code());
    }

    [Fact]
    public async Task A_token_forged_with_the_real_secret_is_accepted_which_proves_the_forgeries_below_fail_for_their_flaw()
    {
        var token = await ForgeAsync(_ => { });
        using var http = host.CreateHttp();
        using var response = await http.SendAsync(HttpMethod.Get, "/api/AdminOnly", bearer: token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Alg_none_token_is_refused()
    {
        var user = await host.SignUpAsync();
        var payload = Jwt.Payload(user.BearerToken).GetRawText().Replace("\"Customer\"", "\"Admin\"", StringComparison.Ordinal);
        foreach (var alg in new[] { "none", "None", "NONE" })
        {
            var token = $"{Jwt.Encode($$"""{"alg":"{{alg}}","typ":"JWT"}""")}.{Jwt.Encode(payload)}.";
            await AssertRefusedAsync(token, "InvalidToken");
        }
    }

    [Fact]
    public async Task A_token_with_a_critical_header_extension_is_refused()
    {
        // Signed with the real secret: only the "crit" header is wrong, and no extension is understood here.
        var token = await ForgeAsync(d => d.AdditionalHeaderClaims = new Dictionary<string, object> { ["crit"] = new[] { "exp-ext" }, ["exp-ext"] = 1 });
        Assert.Equal("exp-ext", Jwt.Header(token).GetProperty("crit")[0].GetString());
        await AssertRefusedAsync(token, "InvalidToken");
    }

    [Fact]
    public async Task A_token_with_an_altered_payload_is_refused()
    {
        var user = await host.SignUpAsync();
        var parts = user.BearerToken.Split('.');
        var payload = Jwt.Payload(user.BearerToken).GetRawText().Replace("\"Customer\"", "\"Admin\"", StringComparison.Ordinal);
        Assert.Contains("Admin", payload);
        await AssertRefusedAsync($"{parts[0]}.{Jwt.Encode(payload)}.{parts[2]}", "InvalidToken");
    }

    [Fact]
    public async Task A_token_with_a_tampered_signature_is_refused()
    {
        var user = await host.SignUpAsync();
        var parts = user.BearerToken.Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        signature[0] ^= 0x01;
        await AssertRefusedAsync($"{parts[0]}.{parts[1]}.{Base64UrlEncoder.Encode(signature)}", "InvalidToken");
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused() =>
        await AssertRefusedAsync(await ForgeAsync(_ => { }, RandomNumberGenerator.GetBytes(32)), "InvalidToken");

    [Fact]
    public async Task A_token_signed_with_another_algorithm_is_refused()
    {
        using var rsa = RSA.Create(2048);
        await AssertRefusedAsync(await ForgeAsync(d => d.SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256)), "InvalidToken");
        await AssertRefusedAsync(await ForgeAsync(d => d.SigningCredentials = new SigningCredentials(
            new SymmetricSecurityKey(Convert.FromBase64String(host.JwtSecret).Concat(new byte[32]).ToArray()), SecurityAlgorithms.HmacSha512)), "InvalidToken");
    }

    [Fact]
    public async Task A_token_from_another_issuer_or_for_another_audience_is_refused()
    {
        await AssertRefusedAsync(await ForgeAsync(d => d.Issuer = "https://evil.example"), "InvalidToken");
        await AssertRefusedAsync(await ForgeAsync(d => d.Audience = "another-app"), "InvalidToken");
    }

    [Fact]
    public async Task An_expired_token_or_one_without_expiry_is_refused()
    {
        await AssertRefusedAsync(await ForgeAsync(d =>
        {
            d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddHours(-2);
            d.Expires = DateTime.UtcNow.AddHours(-1);
        }), "TokenExpired");
        await AssertRefusedAsync(await ForgeAsync(d => d.Expires = null), "InvalidToken");
    }

    [Fact]
    public async Task A_refused_token_on_an_open_operation_leaves_the_caller_anonymous()
    {
        using var http = host.CreateHttp();
        using var response = await http.SendAsync(HttpMethod.Get, "/api/WhoAmI", bearer: "not.a.token");
        var body = await response.JsonAsync();
        Assert.False(body.TryGetProperty("userId", out _));
    }

    [Fact]
    public async Task Garbage_in_the_authorization_header_or_cookie_is_a_401_never_a_500()
    {
        using var http = host.CreateHttp();
        foreach (var value in new[] { "Bearer ", "Bearer ....", "Bearer ak-", "Bearer " + new string('A', 10_000), "Bearer e30.e30.e30" })
        {
            using var response = await http.SendAsync(HttpMethod.Get, "/api/MembersOnly", headers: new Dictionary<string, string> { ["Authorization"] = value });
            await response.ErrorAsync(HttpStatusCode.Unauthorized);
        }
        using var cookie = await http.SendAsync(HttpMethod.Get, "/api/MembersOnly", headers: new Dictionary<string, string> { ["Cookie"] = "ss-tok=%00%01; ss-reftok=x" });
        await cookie.ErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_user_cannot_give_itself_roles_or_permissions()
    {
        var user = await host.SignUpAsync();
        var assign = await user.Client.ApiAsync(new AssignRoles { UserName = user.UserName, Roles = ["Admin"], Permissions = ["orders.refund"] });
        Assert.Equal(403, assign.StatusCode);
        var update = await user.Client.ApiAsync(new AdminUpdateUser { Id = user.UserId, AddRoles = ["Owner"] });
        Assert.Equal(403, update.StatusCode);
        var create = await user.Client.ApiAsync(new AdminCreateUser { Email = host.NewUserName() + "@example.com", Password = "correct horse", Roles = ["Admin"] });
        Assert.Equal(403, create.StatusCode);
        var key = await user.Client.ApiAsync(new CreateUserApiKey { Name = "sneaky", Scopes = ["orders:write"] });
        Assert.Equal(("Scopes", 400), (key.FieldErrors.Single().FieldName, key.StatusCode));

        var refreshed = await user.Client.SendAsync(new GetAccessToken { RefreshToken = user.RefreshToken });
        Assert.Equal("Customer", Jwt.Claim(refreshed.AccessToken!, "role"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTokenAttackTests(SqliteAuthFixture host) : TokenAttackTests(host);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlTokenAttackTests(PostgreSqlAuthFixture host) : TokenAttackTests(host);
