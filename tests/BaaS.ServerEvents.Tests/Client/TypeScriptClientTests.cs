namespace BaaS.ServerEvents.Tests.Client;

/// <summary>
/// @servicestack/client's ServerEventsClient, unchanged, under node with the `eventsource` package and the DTOs of
/// /types/typescript (tests/BaaS.NativeTypes.Tests/Programs/server-events, compiled by the real tsc).
/// </summary>
public class TypeScriptClientTests
{
    private static string Folder => Path.Combine(Repo.Programs, "server-events");

    [Fact]
    public async Task ServerEventsClient_connects_reads_onConnect_lists_subscribers_and_receives_a_typed_OrderStatusChanged()
    {
        Repo.RequireNodeModules();
        await using var server = await EventsApp.StartAsync(o => o.AddEventType<OrderStatusChanged>(), s => s.ConfigureServices += services => services.AddNativeTypes());
        await File.WriteAllTextAsync(Path.Combine(Folder, "dtos.ts"), await server.Http.GetStringAsync("/types/typescript"));
        var tsc = await Repo.RunAsync("node", [Path.Combine(Repo.NodeModules, "typescript", "bin", "tsc"), "-p", "."], Folder);
        Assert.True(tsc.ExitCode == 0, tsc.ToString());

        var env = new Dictionary<string, string>
        {
            ["BAAS_BASE_URL"] = server.BaseUrl,
            ["BAAS_CHANNEL"] = "order-1",
            ["BAAS_AUTH_HEADER"] = TestAuthentication.Header,
            ["BAAS_AUTH_VALUE"] = EventsApp.Ann,
        };
        var result = await Repo.RunAsync("node", [Path.Combine("out", "main.js")], Folder, env, async (line, _) =>
        {
            if (line == "waiting-for-event")
                await server.Events().NotifyChannelAsync("order-1", new OrderStatusChanged { Id = 1, Status = "Accepted", CustomerId = "ann" });
        }, TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var step in new[] { "ok connected 10000", "ok subscribers 1", "ok OrderStatusChanged Accepted", "ok stopped", "done" })
            Assert.True(result.Output.Contains(step, StringComparison.Ordinal), $"missing '{step}':\n{result}");
        // stop() unregistered the subscription (its POST answered 200: a failure would have been reported as an error).
        Assert.DoesNotContain("event stream error", result.Errors, StringComparison.Ordinal);
        Assert.Empty(server.Events().GetSubscriptions());
    }
}
