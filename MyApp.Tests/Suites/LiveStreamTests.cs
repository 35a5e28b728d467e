using System.Net;
using System.Text.Json;
using BaaS;
using BaaS.Testing;
using Microsoft.Extensions.DependencyInjection;
using MyApp.ServiceInterface;
using MyApp.ServiceInterface.Jobs;
using MyApp.ServiceModel;

namespace MyApp.Tests;

/// <summary>
/// Streams that follow the session and the platform's own notices in MyApp: a signed-out session's stream ends (and its
/// token cannot open another); the jobs dashboard's admin channel hears a job change, and only admins may join it.
/// </summary>
public abstract class LiveStreamTests<THost>(THost host) where THost : MyAppFixture
{
    [Fact]
    public async Task A_signed_out_sessions_stream_closes_and_its_token_opens_no_other()
    {
        using var owner = host.As(host.Owner);
        var user = await host.CreateUserAsync(Roles.Customer); // its own session: signing it out touches no other test
        using var customer = host.As(user);
        var (restaurantId, menu) = await Kitchen.OpenAsync(owner);
        var order = await customer.SendAsync(Kitchen.Order(restaurantId, (menu["Noodles"], 1)));
        var http = Http(user.Token);
        var channel = OrderEvents.OrderChannel(order.Id);
        await using var stream = await EventStreamReader.OpenAsync(http, $"/event-stream?channels={channel}");
        await stream.ReadUntilAsync("cmd.onConnect");

        await customer.SendAsync(new Authenticate { Provider = "logout" });

        // The stream ends (ReadToEndAsync fails the test if it is still open after its timeout), and nothing of the
        // order reaches it any more.
        var rest = await stream.ReadToEndAsync();
        Assert.DoesNotContain(rest, f => f.Selector == "cmd.OrderStatusChanged");
        await using var again = await EventStreamReader.OpenAsync(http, $"/event-stream?channels={channel}");
        Assert.Equal(HttpStatusCode.Unauthorized, again.Response.StatusCode);
    }

    [Fact]
    public async Task The_jobs_channel_tells_admins_a_job_changed_and_refuses_everybody_else()
    {
        await using var admin = await EventStreamReader.OpenAsync(Http(host.Admin.Token), "/event-stream?channels=baas-jobs");
        Assert.Equal(HttpStatusCode.OK, admin.Response.StatusCode);
        await admin.ReadUntilAsync("cmd.onConnect");

        JobRef queued;
        using (var scope = host.Services.CreateScope())
            queued = await scope.ServiceProvider.GetRequiredService<IBackgroundJobs>().EnqueueCommandAsync<NotifyRestaurantCommand>(
                new OrderNotice { OrderId = 1_000_000_000 + Random.Shared.Next(1_000_000_000), RestaurantId = 1 });

        // Notices come at most once a second per node and list what changed meanwhile: one of them names this job.
        while (true)
        {
            var notice = await admin.ReadUntilAsync("cmd.JobsChanged");
            Assert.Equal("baas-jobs", notice.Channel);
            var ids = notice.Body.GetProperty("ids").EnumerateArray().Select(e => e.GetInt64()).ToList();
            if (ids.Contains(queued.Id)) break;
        }

        await using var owner = await EventStreamReader.OpenAsync(Http(host.Owner.Token), "/event-stream?channels=baas-jobs");
        Assert.Equal(HttpStatusCode.Forbidden, owner.Response.StatusCode);
        await using var anonymous = await EventStreamReader.OpenAsync(host.CreateHttp(), "/event-stream?channels=baas-jobs");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Response.StatusCode);

        using var metadata = JsonDocument.Parse(await host.CreateHttp().GetStringAsync("/metadata/app.json"));
        Assert.Equal("baas-jobs", metadata.RootElement.GetProperty("plugins").GetProperty("jobs").GetProperty("eventsChannel").GetString());
    }

    private HttpClient Http(string token)
    {
        var http = host.CreateHttp();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }
}

[Collection(SqliteApp.Name)]
public class SqliteLiveStreamTests(SqliteMyAppFixture host) : LiveStreamTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public class PostgreSqlLiveStreamTests(PostgreSqlMyAppFixture host) : LiveStreamTests<PostgreSqlMyAppFixture>(host);
