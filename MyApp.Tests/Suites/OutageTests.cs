using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BaaS;
using BaaS.Client;
using BaaS.Data;
using Microsoft.Extensions.DependencyInjection;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>
/// PostgreSQL going away under load costs answers, not data: MyApp on a cluster of the test's own, with readers and
/// order writers running while the cluster is stopped for a few seconds and started again. Every answer is a 2xx or a 503
/// with <c>Retry-After</c> (never a 500), requests succeed again without restarting the app, every order answered 2xx is
/// in the database, <c>/health/ready</c> is unhealthy while the database is away and healthy again after, and the jobs
/// node is healthy again.
/// </summary>
public sealed class OutageTests : IAsyncLifetime
{
    private const int Readers = 3;
    private const int Writers = 3;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(40);

    private DedicatedPostgres _cluster = null!;
    private TestServer _app = null!;
    private readonly string _adminEmail = $"admin-{Guid.NewGuid():N}"[..16] + "@tests.example";
    private readonly string _adminPassword = MyAppTestServer.NewPassword();

    public async Task InitializeAsync()
    {
        _cluster = await DedicatedPostgres.StartAsync();
        _app = await TestServer.StartAsync(o =>
        {
            MyAppTestServer.Configure(o, new StringWriter(), _adminEmail, _adminPassword);
            o.Configuration["ConnectionStrings:DefaultConnection"] = _cluster.ConnectionString;
            o.Configuration["Jobs:PollInterval"] = "00:00:01";
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private sealed record Answer(string Kind, HttpStatusCode Status, TimeSpan? RetryAfter, int? OrderId, string Body, bool AfterRestart);

    [Fact]
    public async Task Stopping_PostgreSQL_under_load_answers_503_with_retry_after_recovers_by_itself_and_loses_no_acknowledged_order()
    {
        var (customerToken, restaurantId, dishId) = await PrepareAsync();
        var answers = new ConcurrentQueue<Answer>();
        var failures = new ConcurrentQueue<Exception>();
        var restarted = 0;
        using var stop = new CancellationTokenSource();
        using var http = new HttpClient { BaseAddress = new Uri(_app.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var order = $$"""{"restaurantId":{{restaurantId}},"deliveryAddress":"1 Outage Rd","items":[{"menuItemId":{{dishId}},"quantity":1}]}""";

        async Task LoopAsync(string kind, Func<HttpRequestMessage> request)
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var message = request();
                    using var response = await http.SendAsync(message);
                    var body = await response.Content.ReadAsStringAsync();
                    int? id = kind == "write" && response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32() : null;
                    answers.Enqueue(new Answer(kind, response.StatusCode, response.Headers.RetryAfter?.Delta, id, body, Volatile.Read(ref restarted) == 1));
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                    return;
                }
            }
        }

        var load = Enumerable.Range(0, Readers).Select(_ => LoopAsync("read", () => new HttpRequestMessage(HttpMethod.Get, "/api/QueryRestaurants?take=5")))
            .Concat(Enumerable.Range(0, Writers).Select(_ => LoopAsync("write", () =>
                new HttpRequestMessage(HttpMethod.Post, "/orders")
                {
                    Content = new StringContent(order, Encoding.UTF8, "application/json"),
                    Headers = { Authorization = new AuthenticationHeaderValue("Bearer", customerToken) },
                })))
            .ToList();
        using var probe = new HttpClient { BaseAddress = new Uri(_app.BaseUrl) };
        async Task<(HttpStatusCode, string)> ReadyAsync()
        {
            using var response = await probe.GetAsync("/health/ready");
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        try
        {
            await UntilAsync(() => answers.Count(a => a.Kind == "write" && a.Status == HttpStatusCode.OK) >= 20, "orders before the outage");
            Assert.Equal((HttpStatusCode.OK, "Healthy"), await ReadyAsync());
            await _cluster.StopServerAsync();
            // Down for a few seconds, as a restart or a failover is, and long enough to have been noticed.
            await Task.Delay(TimeSpan.FromSeconds(3));
            await UntilAsync(() => answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable) >= 20, "503s while PostgreSQL is down");
            // The load balancer's view: not ready while the database is away, and the node still lives.
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), await ReadyAsync());
            Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/live")).StatusCode);
            await _cluster.StartServerAsync();
            Volatile.Write(ref restarted, 1);
            await UntilAsync(() => answers.Count(a => a.AfterRestart && a.Kind == "write" && a.Status == HttpStatusCode.OK) >= 20
                && answers.Count(a => a.AfterRestart && a.Kind == "read" && a.Status == HttpStatusCode.OK) >= 20, "successes after PostgreSQL is back");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        Assert.Empty(failures);
        var wrong = answers.Where(a => a.Status != HttpStatusCode.OK && !(a.Status == HttpStatusCode.ServiceUnavailable && a.RetryAfter > TimeSpan.Zero)).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} answers were neither 200 nor 503 with Retry-After, e.g. {wrong.FirstOrDefault()}");
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable), a => Assert.Contains("\"errorCode\":\"ServiceUnavailable\"", a.Body));

        // Every order the app acknowledged is in the database.
        var acknowledged = answers.Where(a => a.OrderId is not null).Select(a => a.OrderId!.Value).ToHashSet();
        await using (var db = await _app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync())
        {
            var stored = (await db.SelectAsync<Order>(o => o.CustomerId != Guid.Empty)).Select(o => o.Id).ToHashSet();
            Assert.Empty(acknowledged.Except(stored));
        }

        // Ready again by itself, and the jobs node lived through it and works again.
        await UntilAsync(async () => await ReadyAsync() == (HttpStatusCode.OK, "Healthy"), "the ready check to pass again");
        using var health = new HttpClient { BaseAddress = new Uri(_app.BaseUrl) };
        await UntilAsync(async () =>
        {
            using var response = await health.GetAsync("/health/jobs");
            return response.StatusCode == HttpStatusCode.OK && await response.Content.ReadAsStringAsync() == "Healthy";
        }, "the jobs node to be healthy again");
    }

    /// <summary>A customer's token, and a restaurant of a new owner with one dish.</summary>
    private async Task<(string CustomerToken, int RestaurantId, int DishId)> PrepareAsync()
    {
        using var anonymous = new JsonApiClient(_app.BaseUrl);
        var admin = await anonymous.SendAsync(new Authenticate { Provider = "credentials", UserName = _adminEmail, Password = _adminPassword });
        using var adminClient = new JsonApiClient(_app.BaseUrl) { BearerToken = admin.BearerToken };
        async Task<string> UserAsync(string role)
        {
            var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20] + "@tests.example";
            var password = MyAppTestServer.NewPassword();
            await adminClient.SendAsync(new AdminCreateUser { Email = email, Password = password, DisplayName = role, Roles = [role], EmailConfirmed = true });
            return (await anonymous.SendAsync(new Authenticate { Provider = "credentials", UserName = email, Password = password })).BearerToken!;
        }
        using var owner = new JsonApiClient(_app.BaseUrl) { BearerToken = await UserAsync(Roles.Owner) };
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        return (await UserAsync(Roles.Customer), restaurantId, menu["Noodles"].Id);
    }

    private static Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);

    /// <summary>Waits for <paramref name="condition"/>, failing the test when it does not come within the bound.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        using var bound = new CancellationTokenSource(Bound);
        while (!await condition())
        {
            if (bound.IsCancellationRequested) Assert.Fail($"Waited {Bound.TotalSeconds} s for {what}.");
            await Task.Delay(50);
        }
    }
}
