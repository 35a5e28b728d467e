using System.Net;
using BaaS.Client;
using Microsoft.Extensions.Logging;

namespace BaaS.Redis.Tests.DenyList;

/// <summary>
/// Redis going away while the deny list lives there: by default tokens are accepted unchecked and signing out still
/// succeeds (its refresh tokens are revoked in the database); with <c>FailureMode: Closed</c> every call made with an
/// access token answers 503 with Retry-After. Neither ever answers 500, and both recover by themselves. A redis-server of
/// each test's own, stopped by its process id.
/// </summary>
public sealed class RedisDenyListOutageTests
{
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Failing_open_a_token_is_accepted_while_Redis_is_away_and_signing_out_still_succeeds()
    {
        await using var redis = await RedisServer.StartAsync();
        var app = new DenyListApp(redis.ConfigurationString);
        await using var node = await app.StartNodeAsync(environment: "Production");
        var member = await app.SignUpAsync(node);
        var phone = await DenyListApp.SignInAsync(node, member);
        await node.AcceptsAsync(member.First.AccessToken);

        await redis.StopAsync();

        await node.AcceptsAsync(member.First.AccessToken);
        await node.AcceptsAsync(phone.AccessToken);
        using (var client = new JsonApiClient(node.BaseUrl) { BearerToken = member.First.AccessToken })
        {
            var signedOut = await client.ApiAsync(new Authenticate { Provider = "logout" });
            Assert.Equal(200, signedOut.StatusCode);
            // The session is over where it is decided, in the database: its refresh token is refused.
            var refresh = await client.ApiAsync(new GetAccessToken { RefreshToken = member.First.RefreshToken });
            Assert.Equal((401, "RefreshTokenRevoked"), (refresh.StatusCode, refresh.ErrorCode));
        }
        // The revocation could not be written: logged, and the access token works until it expires (failing open).
        Assert.Contains(node.Logs.Messages, m => m.EventId.Id == 2070 && m.Level == LogLevel.Warning);
        await node.AcceptsAsync(member.First.AccessToken);
        Assert.DoesNotContain(node.Logs.Messages, m => m.Level >= LogLevel.Error);

        await redis.StartAgainAsync();

        // Recorded again once Redis answers: a sign-out now holds.
        await EventuallyAsync(async () =>
        {
            using var client = new JsonApiClient(node.BaseUrl) { BearerToken = phone.AccessToken };
            await client.SendAsync(new Authenticate { Provider = "logout" });
            return (await node.WhoAmIAsync(phone.AccessToken)).ErrorCode == "TokenRevoked";
        }, "a sign-out to be recorded again");
    }

    [Fact]
    public async Task Failing_closed_a_call_with_a_token_answers_503_while_Redis_is_away_and_works_again_when_it_returns()
    {
        await using var redis = await RedisServer.StartAsync();
        var app = new DenyListApp(redis.ConfigurationString);
        var settings = new Dictionary<string, string?> { ["BaaS:Auth:DenyList:FailureMode"] = "Closed" };
        await using var node = await app.StartNodeAsync(settings: settings, environment: "Production");
        var member = await app.SignUpAsync(node);
        using var owner = new JsonApiClient(node.BaseUrl) { BearerToken = member.First.AccessToken };
        var key = (await owner.SendAsync(new CreateUserApiKey { Name = "export", Scopes = [DenyListApp.Scope] })).Key;
        await node.AcceptsAsync(member.First.AccessToken);

        await redis.StopAsync();

        // Whatever the operation, one that needs a user or one anyone may call: 503 and Retry-After, never 401 or 500.
        foreach (var path in new[] { "/api/WhoAmI", "/api/Hello", "/auth" })
        {
            using var http = node.CreateHttp();
            using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new("Bearer", member.First.AccessToken) } };
            using var answer = await http.SendAsync(request);
            var status = await HttpAssert.ErrorAsync(answer, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("CacheUnavailable", status.GetProperty("errorCode").GetString());
            Assert.Equal(["5"], answer.Headers.GetValues("Retry-After"));
            Assert.DoesNotContain(redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // No token, nothing to check: anonymous calls and API keys are served.
        Assert.Equal(HttpStatusCode.OK, (await node.Http.GetAsync("/api/Hello")).StatusCode);
        using (var machine = new JsonApiClient(node.BaseUrl) { BearerToken = key })
            Assert.Equal(member.UserId, (await machine.SendAsync(new WhoAmI())).UserId);
        Assert.DoesNotContain(node.Logs.Messages, m => m.Level >= LogLevel.Error);

        await redis.StartAgainAsync();

        await EventuallyAsync(async () => (await node.WhoAmIAsync(member.First.AccessToken)).Succeeded, "the token to be accepted again");
    }

    [Fact]
    public async Task An_unknown_failure_mode_stops_the_app_at_startup_naming_the_setting()
    {
        var app = new DenyListApp(null);
        var e = await Assert.ThrowsAnyAsync<Exception>(() => app.StartNodeAsync(settings: new() { ["BaaS:Auth:DenyList:FailureMode"] = "Ajar" }));
        Assert.Contains("BaaS:Auth:DenyList:FailureMode", e.ToString(), StringComparison.Ordinal);
    }

    // An outcome with a generous deadline (the client reconnects by itself, about once a second), never a timing assertion.
    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + RecoveryDeadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Gave up waiting for {what} after {RecoveryDeadline.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }
}
