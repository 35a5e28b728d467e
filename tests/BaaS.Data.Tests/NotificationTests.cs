using System.Collections.Concurrent;

namespace BaaS.Data.Tests;

/// <summary>LISTEN/NOTIFY through the dialect: delivered on commit, in commit order, never for a rolled-back transaction.</summary>
[Collection(PostgresCollection.Postgres)]
public class PostgresNotificationTests(PostgresDatabaseFixture fixture)
{
    [Fact]
    public async Task A_listener_hears_committed_notifications_in_order_and_never_a_rolled_back_one()
    {
        var channel = "test_" + Guid.NewGuid().ToString("N")[..8];
        var heard = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bothHeard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        await using var listener = await fixture.Factory.OpenAsync();
        Assert.True(listener.Dialect.SupportsNotifications);
        var listen = listener.Dialect.ListenAsync(listener, channel, payload =>
        {
            if (payload is null)
            {
                listening.TrySetResult();
                return;
            }
            heard.Enqueue(payload);
            if (heard.Count == 2) bothHeard.TrySetResult();
        }, stop.Token);
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(20));

        await using var db = await fixture.Factory.OpenAsync();
        await using (await db.OpenTransactionAsync())
        {
            await db.ExecuteSqlAsync("SELECT pg_notify(@channel, 'rolled back')", new { channel });
            // disposed without a commit: rolled back, so never delivered
        }
        await using (var committed = await db.OpenTransactionAsync())
        {
            await db.ExecuteSqlAsync("SELECT pg_notify(@channel, 'committed')", new { channel });
            await committed.CommitAsync();
        }
        await db.ExecuteSqlAsync("SELECT " + db.Dialect.NotifySql(channel)); // in its own transaction, empty payload
        await bothHeard.Task.WaitAsync(TimeSpan.FromSeconds(20));
        // Delivery follows commit order: had the rolled-back one been delivered, it would be first.
        Assert.Equal(["committed", ""], heard.ToArray());

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listen);
    }
}

/// <summary>SQLite has no notifications: the dialect says so, and asking for them is refused plainly.</summary>
[Collection(SqliteFileCollection.SqliteFile)]
public class SqliteNotificationTests(SqliteFileDatabaseFixture fixture)
{
    [Fact]
    public async Task Sqlite_says_it_has_no_notifications_and_refuses_to_listen()
    {
        await using var db = await fixture.Factory.OpenAsync();
        Assert.False(db.Dialect.SupportsNotifications);
        Assert.Throws<NotSupportedException>(() => db.Dialect.NotifySql("jobs"));
        await Assert.ThrowsAsync<NotSupportedException>(() => db.Dialect.ListenAsync(db, "jobs", _ => { }, CancellationToken.None));
    }
}
