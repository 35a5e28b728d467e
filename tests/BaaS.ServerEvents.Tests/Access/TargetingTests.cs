namespace BaaS.ServerEvents.Tests.Access;

/// <summary>Messages to a user, a role, a session or a subscription reach those subscriptions and no others.</summary>
public class TargetingTests
{
    [Fact]
    public async Task A_message_to_a_user_reaches_all_their_subscriptions_and_nobody_elses()
    {
        await using var server = await EventsApp.StartAsync();
        var (annPhone, _) = await server.ConnectAsync("news", EventsApp.Ann);
        await using var _1 = annPhone;
        var (annLaptop, _) = await server.ConnectAsync("staff", EventsApp.AnnOtherSession);
        await using var _2 = annLaptop;
        var (bob, _) = await server.ConnectAsync("news,staff", EventsApp.Bob);
        await using var _3 = bob;
        var (anonymous, anonymousConnect) = await server.ConnectAsync("news");
        await using var _4 = anonymous;

        await server.Events().NotifyUserAsync("ann", new PrivateNote { Text = "your card was charged" });
        // An anonymous subscriber's -N id is no user id: a message "to user -N" reaches nobody.
        await server.Events().NotifyUserAsync(anonymousConnect.Body.GetProperty("userId").GetString()!, new PrivateNote { Text = "guess" });
        await server.Events().NotifyAllAsync(new NewsPosted { Title = "everyone" });

        foreach (var stream in new[] { annPhone, annLaptop })
        {
            var note = await stream.ReadAsync();
            Assert.Equal("cmd.PrivateNote {\"text\":\"your card was charged\"}", note.Data);
            Assert.Equal("cmd.NewsPosted", (await stream.ReadAsync()).Selector);
        }
        Assert.Equal("cmd.NewsPosted", (await bob.ReadAsync()).Selector);
        Assert.Equal("cmd.NewsPosted", (await anonymous.ReadAsync()).Selector);
    }

    [Fact]
    public async Task A_message_to_a_user_in_a_channel_reaches_only_their_subscriptions_in_it()
    {
        await using var server = await EventsApp.StartAsync();
        var (inNews, _) = await server.ConnectAsync("news", EventsApp.Ann);
        await using var _1 = inNews;
        var (inStaff, _) = await server.ConnectAsync("staff", EventsApp.AnnOtherSession);
        await using var _2 = inStaff;

        await server.Events().NotifyUserAsync("ann", new PrivateNote { Text = "staff only" }, channel: "staff");
        await server.Events().NotifyAllAsync(new NewsPosted { Title = "marker" });
        Assert.Equal("staff@cmd.PrivateNote", (await inStaff.ReadAsync()).Data.Split(' ')[0]);
        Assert.Equal("cmd.NewsPosted", (await inNews.ReadAsync()).Selector);
    }

    [Fact]
    public async Task Role_session_and_subscription_targets_reach_exactly_theirs()
    {
        await using var server = await EventsApp.StartAsync();
        var (courier, _) = await server.ConnectAsync("news", EventsApp.Cara);
        await using var _1 = courier;
        var (customer, customerConnect) = await server.ConnectAsync("news", EventsApp.Ann);
        await using var _2 = customer;
        var (otherSession, _) = await server.ConnectAsync("news", EventsApp.AnnOtherSession);
        await using var _3 = otherSession;

        var events = server.Events();
        await events.NotifyRoleAsync("Courier", new PrivateNote { Text = "to couriers" });
        await events.NotifySessionAsync("s-ann-2", new PrivateNote { Text = "to ann's laptop" });
        await events.NotifySubscriptionAsync(customerConnect.Body.GetProperty("id").GetString()!, new PrivateNote { Text = "to ann's phone" });
        await events.NotifyAllAsync(new NewsPosted { Title = "marker" });

        Assert.Contains("to couriers", (await courier.ReadAsync()).Data);
        Assert.Contains("to ann's phone", (await customer.ReadAsync()).Data);
        Assert.Contains("to ann's laptop", (await otherSession.ReadAsync()).Data);
        foreach (var stream in new[] { courier, customer, otherSession })
            Assert.Equal("cmd.NewsPosted", (await stream.ReadAsync()).Selector);
    }

    [Fact]
    public async Task Closing_a_sessions_streams_ends_those_and_leaves_the_users_other_sessions_open()
    {
        await using var server = await EventsApp.StartAsync();
        var (revoked, _) = await server.ConnectAsync("news", EventsApp.Ann);
        await using var _1 = revoked;
        var (kept, _) = await server.ConnectAsync("news", EventsApp.AnnOtherSession);
        await using var _2 = kept;

        await server.Events().CloseSessionStreamsAsync("s-ann-1");
        Assert.Empty(await revoked.ReadToEndAsync());
        await server.Events().NotifyChannelAsync("news", new NewsPosted { Title = "still here" });
        Assert.Contains("still here", (await kept.ReadAsync()).Data);
        Assert.Single(server.Events().GetSubscriptions());
    }

    [Fact]
    public async Task Closing_a_users_streams_ends_all_of_them_and_nobody_elses()
    {
        await using var server = await EventsApp.StartAsync();
        var (phone, _) = await server.ConnectAsync("news", EventsApp.Ann);
        await using var _1 = phone;
        var (laptop, _) = await server.ConnectAsync("news", EventsApp.AnnOtherSession);
        await using var _2 = laptop;
        var (bob, _) = await server.ConnectAsync("news", EventsApp.Bob);
        await using var _3 = bob;

        await server.Events().CloseUserStreamsAsync("ann");
        Assert.Empty(await phone.ReadToEndAsync());
        Assert.Empty(await laptop.ReadToEndAsync());
        await server.Events().NotifyChannelAsync("news", new NewsPosted { Title = "bob stays" });
        Assert.Contains("bob stays", (await bob.ReadAsync()).Data);
    }
}
