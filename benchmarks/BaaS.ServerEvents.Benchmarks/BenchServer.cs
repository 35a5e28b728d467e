using System.Diagnostics;
using System.Security.Claims;
using System.Text.Encodings.Web;
using BaaS;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BaaS.ServerEvents.Benchmarks;

/// <summary>The message timed: its sending moment (Stopwatch ticks: one monotonic clock for every process of the machine).</summary>
public class BenchTick
{
    public long Sent { get; set; }
    public int Seq { get; set; }
}

/// <summary>The node: server events on channel <c>bench</c>, callers named by <c>X-Bench-User</c>, and endpoints to publish and read memory.</summary>
public static class BenchServer
{
    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuthentication("Bench").AddScheme<AuthenticationSchemeOptions, BenchUserHandler>("Bench", null);
        builder.Services.AddBaaS(_ => { });
        builder.Services.AddServerEvents(events =>
        {
            events.Channel("bench").AllowAnyone();
            events.AddEventType<BenchTick>();
        });
        var app = builder.Build();
        app.UseBaaS();
        var events = app.Services.GetRequiredService<IServerEvents>();
        app.MapGet("/bench/ping", () => "ok");
        app.MapGet("/bench/memory", () => Results.Json(new
        {
            Managed = GC.GetTotalMemory(forceFullCollection: true),
            WorkingSet = Process.GetCurrentProcess().WorkingSet64,
            Subscriptions = events.GetStats().Subscriptions,
        }));
        app.MapPost("/bench/publish-all", async (int seq) =>
            await events.NotifyChannelAsync("bench", new BenchTick { Sent = Stopwatch.GetTimestamp(), Seq = seq }));
        app.MapPost("/bench/publish-user", async (string user, int seq) =>
            await events.NotifyUserAsync(user, new BenchTick { Sent = Stopwatch.GetTimestamp(), Seq = seq }));
        await app.StartAsync();
        Console.WriteLine("listening " + app.Urls.First());
        await app.WaitForShutdownAsync();
    }

    private sealed class BenchUserHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue("X-Bench-User", out var user)) return Task.FromResult(AuthenticateResult.NoResult());
            var identity = new ClaimsIdentity([new Claim("sub", user.ToString()), new Claim("name", user.ToString())], "Bench", "name", "role");
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), "Bench")));
        }
    }
}
