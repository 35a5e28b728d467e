using System.Security.Cryptography;
using BaaS.Auth;
using BaaS.Client;
using BaaS.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Redis.Tests.DenyList;

/// <summary>
/// An app with the platform's auth over its own database (or one several nodes share) and the cache its settings choose
/// (Redis when given one, memory otherwise), serving <see cref="DenyListProbeServices"/>. Nodes of one app share the
/// service name, the JWT secret and the cache key prefix, as a deployment's nodes do.
/// </summary>
public sealed class DenyListApp
{
    public const string Scope = "notes:read";
    public const string AdminEmail = "admin@deny-tests.local";

    private int _users;

    public DenyListApp(string? redis, TestDatabaseKind kind = TestDatabaseKind.SqliteFile)
    {
        Redis = redis;
        Kind = kind;
    }

    public string? Redis { get; }

    public TestDatabaseKind Kind { get; }

    public string Name { get; } = $"deny-{Guid.NewGuid():N}";

    public string JwtSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string AdminPassword { get; } = "Adm1n-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));

    public KeptEmails Emails { get; } = new();

    /// <summary>Starts a node; the first makes the database, the others (<paramref name="shareWith"/>) use it.</summary>
    public Task<TestServer> StartNodeAsync(TestServer? shareWith = null, Dictionary<string, string?>? settings = null, string environment = "Development") =>
        TestServer.StartAsync([typeof(DenyListProbeServices), typeof(OwnershipServices)], o =>
        {
            o.EnvironmentName = environment;
            if (shareWith is not null) o.Database = shareWith.Database;
            else
            {
                o.Dialect = Kind;
                o.DatabasePrefix = "denylist_tests";
                o.PrepareDatabase = async factory => await new Migrator(factory, AuthMigrations.Types).RunAsync();
            }
            if (Redis is not null) o.Configuration["ConnectionStrings:Redis"] = Redis;
            o.Configuration["BaaS:Cache:KeyPrefix"] = Name + ":";
            o.Configuration["Auth:Jwt:Secret"] = JwtSecret;
            // Strict single use: a spent refresh token presented again ends its session at once.
            o.Configuration["Auth:Jwt:RefreshTokenReuseInterval"] = "00:00:00";
            o.Configuration["Auth:Admin:Email"] = AdminEmail;
            o.Configuration["Auth:Admin:Password"] = AdminPassword;
            o.Configuration["Auth:RateLimit:Enabled"] = "false";
            foreach (var (key, value) in settings ?? []) o.Configuration[key] = value;
            o.BaaS += b => b.ServiceName = Name;
            o.ConfigureBuilder += b =>
            {
                b.Services.AddSingleton<IEmailSender>(Emails);
                b.Services.AddBaaSRedis(b.Configuration);
                b.Services.AddBaaSAuth(b.Configuration.GetSection("Auth"), a =>
                {
                    a.PasswordHashIterations = 1_000;
                    a.Roles = ["Owner", "Customer"];
                    a.ApiKeys.Scopes = [Scope];
                    a.ApiKeys.UserScopes = [Scope];
                });
            };
        });

    /// <summary>Registers a user and signs in on <paramref name="node"/>.</summary>
    public async Task<Member> SignUpAsync(TestServer node)
    {
        var userName = $"member{Interlocked.Increment(ref _users)}-{Guid.NewGuid().ToString("N")[..6]}";
        var password = "Pass-" + Guid.NewGuid().ToString("N")[..10];
        using var client = new JsonApiClient(node.BaseUrl);
        var registered = await client.SendAsync(new Register { UserName = userName, Email = $"{userName}@example.com", Password = password, AutoLogin = true });
        return new Member(userName, $"{userName}@example.com", password, registered.UserId!,
            new Session(registered.SessionId!, registered.BearerToken!, registered.RefreshToken!));
    }

    /// <summary>Another sign-in (another session) of <paramref name="member"/>.</summary>
    public static Task<Session> SignInAsync(TestServer node, Member member) => SignInAsync(node, member.UserName, member.Password);

    /// <summary>A sign-in on <paramref name="node"/>.</summary>
    public static async Task<Session> SignInAsync(TestServer node, string userName, string password)
    {
        using var client = new JsonApiClient(node.BaseUrl);
        var auth = await client.SendAsync(new Authenticate { Provider = "credentials", UserName = userName, Password = password });
        return new Session(auth.SessionId!, auth.BearerToken!, auth.RefreshToken!);
    }

    /// <summary>A client signed in as the first-run administrator.</summary>
    public async Task<JsonApiClient> AdminAsync(TestServer node)
    {
        var client = new JsonApiClient(node.BaseUrl);
        var auth = await client.SendAsync(new Authenticate { Provider = "credentials", UserName = AdminEmail, Password = AdminPassword });
        client.BearerToken = auth.BearerToken;
        return client;
    }
}

/// <summary>A registered user and their first session.</summary>
public sealed record Member(string UserName, string Email, string Password, string UserId, Session First);

/// <summary>A sign-in: its session id and tokens.</summary>
public sealed record Session(string Id, string AccessToken, string RefreshToken);

public static class DenyListCalls
{
    /// <summary>Calls <see cref="WhoAmI"/> on <paramref name="node"/> with <paramref name="accessToken"/> alone (no refresh token, no cookies).</summary>
    public static async Task<ApiResult<WhoAmIResponse>> WhoAmIAsync(this TestServer node, string accessToken)
    {
        using var client = new JsonApiClient(node.BaseUrl) { BearerToken = accessToken };
        return await client.ApiAsync(new WhoAmI());
    }

    /// <summary>Asserts that <paramref name="accessToken"/> works on <paramref name="node"/>.</summary>
    public static async Task AcceptsAsync(this TestServer node, string accessToken)
    {
        var answer = await node.WhoAmIAsync(accessToken);
        Assert.True(answer.Succeeded, $"Expected the token to work, got {answer.StatusCode} {answer.ErrorCode}: {answer.ErrorMessage}");
    }

    /// <summary>Asserts that <paramref name="accessToken"/> is refused on <paramref name="node"/> as revoked: 401 <c>TokenRevoked</c>.</summary>
    public static async Task RefusesAsync(this TestServer node, string accessToken)
    {
        var answer = await node.WhoAmIAsync(accessToken);
        Assert.True((answer.StatusCode, answer.ErrorCode) == (401, "TokenRevoked"),
            $"Expected 401 TokenRevoked, got {answer.StatusCode} {answer.ErrorCode}: {answer.ErrorMessage}");
    }
}
