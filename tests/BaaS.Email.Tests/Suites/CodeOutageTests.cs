using System.Globalization;
using System.Net;
using System.Text.Json;

namespace BaaS.Email.Tests.Suites;

/// <summary>
/// Redis going away under the codes: they fail closed, 503 <c>CacheUnavailable</c> with <c>Retry-After</c> (nobody is
/// signed in or confirmed unchecked, never a 500), and work again by themselves when Redis returns. A redis-server of
/// the test's own, stopped by its process id; the auth rate limit is off, so the 503 is the codes' own.
/// </summary>
public sealed class CodeOutageTests
{
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task With_Redis_stopped_codes_answer_503_with_Retry_After_and_work_again_when_it_returns()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = CodeApp.Settings(new() { ["BaaS:Cache:FailureLogInterval"] = "01:00:00" });
        // Production: answers there carry no exception details, so the test sees what clients see.
        await using var app = await CodeApp.StartAsync(TestDatabaseKind.SqliteFile, CacheStore.Redis, new TestClock(), settings, environment: "Production",
            redis: redis.ConfigurationString);
        var account = await app.NewAccountAsync();
        using var client = app.CreateClient();
        var auth = await client.SendAsync(new Authenticate { Provider = "credentials", UserName = account.Email, Password = account.Password });
        using var http = app.CreateHttp();
        await client.SendAsync(new SendSignInCode { Email = account.Email });
        var code = await CodeApp.CodeAsync(account.Email);

        await redis.StopAsync();

        var calls = new (string Path, object Body, string? Bearer)[]
        {
            ("/auth/code", new { email = account.Email, code }, null),
            ("/auth/send-code", new { email = account.Email }, null),
            ("/auth/send-code", new { email = EmailApp.NewAddress("nobody") }, null),
            ("/auth/confirm-email/send-code", new { }, auth.BearerToken),
            ("/auth/confirm-email/code", new { code }, auth.BearerToken),
        };
        foreach (var (path, body, bearer) in calls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = HttpAssert.Json(JsonSerializer.Serialize(body)) };
            if (bearer is not null) request.Headers.Authorization = new("Bearer", bearer);
            using var down = await http.SendAsync(request);
            var status = await HttpAssert.ErrorAsync(down, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("CacheUnavailable", status.GetProperty("errorCode").GetString());
            Assert.Equal("5", down.Headers.GetValues("Retry-After").Single());
            Assert.DoesNotContain(redis.Port.ToString(CultureInfo.InvariantCulture), await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Single(SmtpTestService.Instance.Mailbox.To(account.Email));   // no code was sent while Redis was away
        Assert.DoesNotContain(app.Logs.Messages, m => m.Level >= Microsoft.Extensions.Logging.LogLevel.Error);

        await redis.StartAgainAsync();

        // The restarted Redis is empty: the old code is gone, a new one is sent and signs in.
        var deadline = DateTime.UtcNow + RecoveryDeadline;
        while (!(await client.ApiAsync(new SendSignInCode { Email = account.Email })).Succeeded)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Codes were not sent again {RecoveryDeadline.TotalSeconds} s after Redis returned.");
            await Task.Delay(100);
        }
        var next = await CodeApp.CodeAsync(account.Email, 2);
        var signedIn = await client.ApiAsync(new SignInWithCode { Email = account.Email, Code = next });
        Assert.True(signedIn.Succeeded, signedIn.ErrorMessage);
    }
}
