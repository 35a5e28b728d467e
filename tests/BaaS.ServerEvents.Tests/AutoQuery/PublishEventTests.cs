using System.Net;
using System.Text;
using BaaS.Data;

namespace BaaS.ServerEvents.Tests.AutoQuery;

/// <summary>[PublishEvent] on AutoQuery writes: the event is built from the written row and published once it committed.</summary>
public abstract class PublishEventTests(TestDatabaseKind kind)
{
    private static readonly Type[] Dtos = [typeof(CreateShopOrder), typeof(PatchShopOrder), typeof(DeleteShopOrder)];

    private Task<TestServer> StartAsync(params Type[] dtos) =>
        EventsApp.StartAsync(events => events.Channel("restaurant-*").AllowAnyone(), o =>
        {
            o.Dialect = kind;
            o.DatabasePrefix = "baas_events";
            o.PrepareDatabase = async factory =>
            {
                await using var db = await factory.OpenAsync();
                await db.CreateTableAsync<ShopOrder>();
            };
            o.ConfigureServices += s => s.AddAutoQuery(a => a.Types.AddRange(dtos.Length == 0 ? Dtos : dtos));
        });

    [Fact]
    public async Task A_create_publishes_the_row_as_written_to_the_channel_its_values_name()
    {
        await using var server = await StartAsync();
        var (owner, _) = await server.ConnectAsync("restaurant-7", EventsApp.Cara);
        await using var _1 = owner;

        var id = (await server.CreateClient(EventsApp.Ann).SendAsync(new CreateShopOrder { CustomerId = "ann", RestaurantId = 7 })).Id;
        var frame = await owner.ReadAsync();
        Assert.Equal("restaurant-7", frame.Channel);
        Assert.Equal("cmd.NewOrder", frame.Selector);
        Assert.Equal(int.Parse(id!, System.Globalization.CultureInfo.InvariantCulture), frame.Body.GetProperty("id").GetInt32());
        Assert.Equal("Placed", frame.Body.GetProperty("status").GetString()); // the model's default: from the row, not the request
    }

    [Fact]
    public async Task A_patch_notifies_the_orders_channel_and_its_customer_with_values_read_from_the_row()
    {
        await using var server = await StartAsync();
        var client = server.CreateClient(EventsApp.Ann);
        var id = int.Parse((await client.SendAsync(new CreateShopOrder { CustomerId = "ann", RestaurantId = 7 })).Id!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, id); // the directory's order 1 is ann's
        var (channel, _) = await server.ConnectAsync("order-1", EventsApp.Cara);
        await using var _1 = channel;
        var (user, _) = await server.ConnectAsync("news", EventsApp.Ann);
        await using var _2 = user;

        await server.CreateClient(EventsApp.Cara).SendAsync(new PatchShopOrder { Id = id, Status = "Accepted" });
        var toChannel = await channel.ReadAsync();
        Assert.Equal("order-1@cmd.OrderStatusChanged", toChannel.Data.Split(' ')[0]);
        Assert.Equal("Accepted", toChannel.Body.GetProperty("status").GetString());
        Assert.Equal("ann", toChannel.Body.GetProperty("customerId").GetString()); // never sent by the patch
        var toUser = await user.ReadAsync();
        Assert.Equal("cmd.OrderStatusChanged", toUser.Data.Split(' ')[0]);
        Assert.Equal("Accepted", toUser.Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_refused_write_publishes_nothing()
    {
        await using var server = await StartAsync();
        var (owner, _) = await server.ConnectAsync("restaurant-7,order-1", EventsApp.Cara);
        await using var _1 = owner;
        var client = server.CreateClient(EventsApp.Ann);
        Assert.Equal(400, (await client.ApiAsync(new CreateShopOrder { CustomerId = "", RestaurantId = 7 })).StatusCode);
        Assert.Equal(404, (await client.ApiAsync(new PatchShopOrder { Id = 1, Status = "Lost" })).StatusCode);

        await server.Events().NotifyChannelAsync("restaurant-7", new NewsPosted { Title = "marker" });
        Assert.Equal("cmd.NewsPosted", (await owner.ReadAsync()).Selector);
    }

    [Fact]
    public async Task A_batch_publishes_each_row_after_it_committed_and_a_failed_batch_publishes_none()
    {
        await using var server = await StartAsync();
        var (owner, _) = await server.ConnectAsync("restaurant-7,restaurant-8", EventsApp.Cara);
        await using var _1 = owner;
        using var http = server.CreateHttp(EventsApp.Ann);

        using var failed = await http.PostAsync("/api/CreateShopOrder[]", Json("""[{"customerId":"ann","restaurantId":8},{"customerId":"","restaurantId":8}]"""));
        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        using var ok = await http.PostAsync("/api/CreateShopOrder[]", Json("""[{"customerId":"ann","restaurantId":7},{"customerId":"bob","restaurantId":8}]"""));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        var first = await owner.ReadAsync();
        var second = await owner.ReadAsync();
        Assert.Equal(["restaurant-7", "restaurant-8"], new[] { first.Channel!, second.Channel! });
        await using var db = await server.Db.OpenAsync();
        Assert.Equal(2, await db.CountAsync<ShopOrder>()); // the failed batch wrote nothing, and told nobody
    }

    [Fact]
    public async Task A_delete_publishes_the_row_as_it_was()
    {
        await using var server = await StartAsync();
        // Connected first: on PostgreSQL the bus is the database's, whose notifications arrive a moment after the write.
        // As the courier: the customer would also get the patch's message to her as a user.
        var (channel, _) = await server.ConnectAsync("order-1", EventsApp.Cara);
        await using var _1 = channel;
        var client = server.CreateClient(EventsApp.Ann);
        await client.SendAsync(new CreateShopOrder { CustomerId = "ann", RestaurantId = 7 });
        await client.SendAsync(new PatchShopOrder { Id = 1, Status = "Cancelled" });
        Assert.Equal("cmd.OrderStatusChanged", (await channel.ReadAsync()).Selector);

        await client.SendAsync(new DeleteShopOrder { Id = 1 });
        var frame = await channel.ReadAsync();
        Assert.Equal("cmd.OrderRemoved", frame.Selector);
        Assert.Equal("Cancelled", frame.Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Event_types_of_PublishEvent_appear_in_the_metadata_and_a_bad_template_fails_startup()
    {
        await using (var server = await StartAsync())
        {
            var metadata = await server.Http.GetStringAsync("/metadata/app.json");
            Assert.Contains("\"name\":\"NewOrder\"", metadata);
            Assert.Contains("\"name\":\"OrderRemoved\"", metadata);
        }
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(typeof(CreateBrokenShopOrder)));
        Assert.Contains("{Restaurant}", error.ToString());
        Assert.Contains("CreateBrokenShopOrder", error.ToString());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

public class SqlitePublishEventTests() : PublishEventTests(TestDatabaseKind.SqliteFile);

public class PostgresPublishEventTests() : PublishEventTests(TestDatabaseKind.PostgreSql);
