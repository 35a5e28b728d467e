using System.Net;
using System.Security.Cryptography;
using BaaS.Auth.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.Auth.Tests.Suites;

/// <summary>Keys from configuration, never source: what startup does with each, and the first administrator.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("baas-auth-keys-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static async Task<string> SignInAsAdminAsync(TestServer host, string email, string password)
    {
        using var http = host.CreateHttp();
        using var response = await http.SendAsync(HttpMethod.Post, "/auth/credentials", $$"""{"userName":"{{email}}","password":"{{password}}"}""");
        return (await response.JsonAsync()).GetProperty("bearerToken").GetString()!;
    }

    [Fact]
    public async Task Production_without_a_key_fails_startup_saying_how_to_set_one()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => MiniServer.StartAsync("Production", []));
        Assert.Contains("Auth__Jwt__Secret", error.Message);
        Assert.Contains("openssl rand -base64 32", error.Message);
        Assert.Contains("Auth__Jwt__KeyFile", error.Message);
    }

    [Theory]
    [InlineData("AccessTokenLifetime", "00:00:00")]
    [InlineData("RefreshTokenLifetime", "-1.00:00:00")]
    [InlineData("RefreshTokenCleanupInterval", "-00:00:01")]
    public async Task A_lifetime_or_interval_that_cannot_work_fails_startup_naming_the_setting(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => MiniServer.StartAsync("Development", new() { [$"Auth:Jwt:{setting}"] = value }));
        Assert.Contains($"Auth__Jwt__{setting}", error.Message);
    }

    [Fact]
    public async Task Development_without_a_key_signs_with_an_ephemeral_one_and_says_so()
    {
        await using var host = await MiniServer.StartAsync("Development", new() { ["Auth:Admin:Email"] = "dev@example.com", ["Auth:Admin:Password"] = "dev password" });
        Assert.Contains(host.Logs.Messages, m => m.Level == LogLevel.Warning && m.Message.Contains("ephemeral key", StringComparison.Ordinal));
        var token = await SignInAsAdminAsync(host, "dev@example.com", "dev password");
        Assert.Equal("ephemeral", Jwt.Header(token).GetProperty("kid").GetString());
    }

    [Fact]
    public async Task A_short_secret_fails_startup()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => MiniServer.StartAsync("Production", new() { ["Auth:Jwt:Secret"] = "too-short" }));
        Assert.Contains("32 or more", error.Message);
    }

    [Fact]
    public async Task A_secret_from_configuration_signs_HS256_and_Production_cookies_are_Secure()
    {
        await using var host = await MiniServer.StartAsync("Production", new()
        {
            ["Auth:Jwt:Secret"] = Secret(), ["Auth:Admin:Email"] = "ops@example.com", ["Auth:Admin:Password"] = "ops password",
        });
        using var http = host.CreateHttp();
        using var response = await http.SendAsync(HttpMethod.Post, "/auth/credentials", """{"userName":"ops@example.com","password":"ops password"}""");
        Assert.Equal("HS256", Jwt.Header((await response.JsonAsync()).GetProperty("bearerToken").GetString()!).GetProperty("alg").GetString());
        Assert.All(response.SetCookies().Values, cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("rsa", "RS256")]
    [InlineData("ec", "ES256")]
    public async Task A_PEM_key_file_signs_RS256_or_ES256(string kind, string algorithm)
    {
        var path = Path.Combine(_folder, kind + ".pem");
        using (AsymmetricAlgorithm key = kind == "rsa" ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256))
            await File.WriteAllTextAsync(path, key.ExportPkcs8PrivateKeyPem());
        await using var host = await MiniServer.StartAsync("Production", new()
        {
            ["Auth:Jwt:KeyFile"] = path, ["Auth:Admin:Email"] = "keys@example.com", ["Auth:Admin:Password"] = "keys password",
        });
        var token = await SignInAsAdminAsync(host, "keys@example.com", "keys password");
        Assert.Equal(algorithm, Jwt.Header(token).GetProperty("alg").GetString());
        using var http = host.CreateHttp();
        using var session = await http.SendAsync(HttpMethod.Get, "/auth", bearer: token);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Contains(host.Logs.Messages, m => m.Message.Contains($"signed with {algorithm}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_public_key_file_or_a_missing_one_fails_startup()
    {
        var path = Path.Combine(_folder, "public.pem");
        using (var rsa = RSA.Create(2048)) await File.WriteAllTextAsync(path, rsa.ExportSubjectPublicKeyInfoPem());
        var publicKey = await Assert.ThrowsAsync<OptionsValidationException>(() => MiniServer.StartAsync("Production", new() { ["Auth:Jwt:KeyFile"] = path }));
        Assert.Contains("private key", publicKey.Message);
        var missing = await Assert.ThrowsAsync<OptionsValidationException>(() => MiniServer.StartAsync("Production", new() { ["Auth:Jwt:KeyFile"] = path + ".nope" }));
        Assert.Contains("does not exist", missing.Message);
    }

    [Fact]
    public async Task The_first_administrator_comes_from_configuration_once()
    {
        await using var host = await MiniServer.StartAsync("Development", new() { ["Auth:Jwt:Secret"] = Secret(), ["Auth:Roles:0"] = "Owner" });
        Assert.Contains(host.Logs.Messages, m => m.Message.Contains("No user has the Admin role", StringComparison.Ordinal));

        await using var scope = host.App.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
        Assert.False(await accounts.AnyAdminAsync());
        var (user, created) = await accounts.EnsureAdminAsync("first@example.com", "first password");
        Assert.True(created);
        Assert.True(await accounts.AnyAdminAsync());
        var (same, createdAgain) = await accounts.EnsureAdminAsync("first@example.com", null);
        Assert.Equal((user.Id, false), (same.Id, createdAgain));
        var token = await SignInAsAdminAsync(host, "first@example.com", "first password");
        Assert.Contains("Admin", Jwt.Payload(token).GetProperty("role").GetRawText());
    }

    [Fact]
    public async Task The_create_admin_command_makes_an_administrator_from_its_argument_and_configuration()
    {
        await using var host = await MiniServer.StartAsync("Development", new() { ["Auth:Jwt:Secret"] = Secret(), ["Auth:Admin:Password"] = "command password" });
        await using var scope = host.App.Services.CreateAsyncScope();
        var exit = await AuthCommands.CreateAdmin.Run(scope.ServiceProvider, ["cli@example.com"], CancellationToken.None);
        Assert.Equal(0, exit);
        await SignInAsAdminAsync(host, "cli@example.com", "command password");
        Assert.Equal(2, await AuthCommands.CreateAdmin.Run(scope.ServiceProvider, [], CancellationToken.None));
    }

    [Fact]
    public async Task OAuth_providers_come_from_configuration_alone()
    {
        await using var host = await MiniServer.StartAsync("Development", new()
        {
            ["Auth:Jwt:Secret"] = Secret(),
            ["PublicUrl"] = "https://app.example.com",
            ["Auth:OAuth:github:ClientId"] = "gh-client",
            ["Auth:OAuth:github:ClientSecret"] = "gh-secret",
        });
        using var http = host.CreateHttp();
        using var start = await http.GetAsync("/auth/github");
        Assert.Equal(HttpStatusCode.Found, start.StatusCode);
        var location = start.Headers.Location!.ToString();
        Assert.StartsWith("https://github.com/login/oauth/authorize?response_type=code&client_id=gh-client&redirect_uri=https%3A%2F%2Fapp.example.com%2Fauth%2Fgithub", location);
        using var unconfigured = await http.GetAsync("/auth/google");
        Assert.Equal(HttpStatusCode.NotFound, unconfigured.StatusCode);
    }

    [Fact]
    public async Task An_OpenID_provider_without_an_authority_fails_startup()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            MiniServer.StartAsync("Development", new() { ["Auth:Jwt:Secret"] = Secret(), ["Auth:OAuth:corp:ClientId"] = "x" }));
        Assert.Contains("Auth:OAuth:corp:Authority", error.Message);
    }

    [Fact]
    public async Task Without_the_auth_tables_the_app_starts_and_says_to_run_the_migrations()
    {
        await using var host = await MiniServer.StartAsync("Development", new() { ["Auth:Jwt:Secret"] = Secret() }, migrate: false);
        Assert.Contains(host.Logs.Messages, m => m.Level == LogLevel.Warning && m.Message.Contains("AuthMigrations.Types", StringComparison.Ordinal));
        using var http = host.CreateHttp();
        using var open = await http.GetAsync("/metadata/app.json");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }
}
