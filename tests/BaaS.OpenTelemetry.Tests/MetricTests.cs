using System.Net;
using BaaS.ServerEvents;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.OpenTelemetry.Tests;

public sealed class MetricTests
{
    [Fact]
    public async Task Requests_durations_and_errors_are_counted_by_operation_and_status()
    {
        await using var app = await TelemetryApp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync("Greet", new Greet { Name = "a" })).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync("Greet", new Greet { Name = "b" })).Response.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await app.PostAsync("Explode", new Explode())).Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.PostAsync("Register", new Register())).Response.StatusCode);

        var metrics = app.CollectMetrics();
        var requests = metrics["baas.operation.requests"];
        Assert.Equal(2, requests.Sum(("baas.operation", "Greet"), ("http.response.status_code", 200), ("baas.operation.kind", "http"), ("http.request.method", "POST")));
        Assert.Equal(1, requests.Sum(("baas.operation", "Explode"), ("http.response.status_code", 500)));
        Assert.Equal(1, requests.Sum(("baas.operation", "Register"), ("http.response.status_code", 400)));

        var duration = metrics["baas.operation.duration"];
        Assert.Equal("s", duration.Unit);
        Assert.Equal(2, duration.HistogramCount(("baas.operation", "Greet")));

        var errors = metrics["baas.operation.errors"];
        Assert.Equal(1, errors.Sum(("baas.operation", "Explode"), ("error.type", typeof(InvalidOperationException).FullName)));
        Assert.Equal(1, errors.Sum(("baas.operation", "Register"), ("error.type", "NotEmpty")));
        Assert.Empty(errors.Points(("baas.operation", "Greet")));
    }

    [Fact]
    public async Task Rate_limit_refusals_are_counted()
    {
        await using var app = await TelemetryApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["BaaS:RateLimits:Default:PermitLimit"] = "2",
            ["BaaS:RateLimits:Default:Window"] = "00:10:00",
        });
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await app.PostAsync("Greet", new Greet())).Response.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.PostAsync("Greet", new Greet())).Response.StatusCode);

        var metrics = app.CollectMetrics();
        Assert.Equal(1, metrics["baas.ratelimit.refused"].Sum(("policy", "default")));
        Assert.Equal(1, metrics["baas.operation.requests"].Sum(("baas.operation", "Greet"), ("http.response.status_code", 429)));
        Assert.Equal(1, metrics["baas.operation.errors"].Sum(("baas.operation", "Greet"), ("http.response.status_code", 429)));
    }

    [Fact]
    public async Task Cache_hits_and_misses_are_counted()
    {
        await using var app = await TelemetryApp.StartAsync();
        var (response, _) = await app.PostAsync("CacheTwice", new CacheTwice { Key = "k1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var metrics = app.CollectMetrics();
        Assert.Equal(1, metrics["baas.cache.misses"].Sum());
        Assert.Equal(1, metrics["baas.cache.hits"].Sum());
    }

    [Fact]
    public async Task Server_event_subscribers_are_a_gauge_of_the_open_streams()
    {
        await using var app = await TelemetryApp.StartAsync(configure: o =>
            o.ConfigureServices += services => services.AddServerEvents(events => events.Channel("news").AllowAnyone()));

        await using (var stream = await EventStreamReader.OpenAsync(app.Server.CreateHttp(), "/event-stream?channels=news"))
        {
            Assert.Equal("cmd.onConnect", (await stream.ReadAsync()).Selector);
            var open = app.CollectMetrics()["baas.serverevents.subscribers"];
            Assert.Equal(1, Assert.Single(open.MetricPoints).GetGaugeLastValueLong());
        }

        await Eventually.ValueAsync(
            () => Task.FromResult(app.CollectMetrics()["baas.serverevents.subscribers"].MetricPoints.Single().GetGaugeLastValueLong()),
            count => count == 0, "the closed stream is no longer counted");
        Assert.NotNull(app.Services.GetRequiredService<IServerEvents>());
    }
}
