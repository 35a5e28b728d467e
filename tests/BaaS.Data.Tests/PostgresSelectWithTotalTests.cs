using System.Diagnostics;

namespace BaaS.Data.Tests;

/// <summary>
/// On PostgreSQL a page and its total cost one round trip (one batch, as Npgsql's own tracing reports), and a batch
/// fails as a single statement does: unavailable as 503, cancelled as cancelled.
/// </summary>
[Collection(PostgresCollection.Postgres)]
public class PostgresSelectWithTotalRoundTripTests(PostgresDatabaseFixture fixture) : DataTestBase(fixture)
{
    [Fact]
    public async Task A_page_with_its_total_is_one_database_operation_where_select_then_count_were_two()
    {
        await using var db = await Fixture.OpenAsync();
        SeedShop(db);
        var q = db.From<Order>().Where(x => x.Total > 1m).OrderBy(x => x.Name).Take(2);

        // The observable: Npgsql starts one Activity per command or batch it sends and reads back.
        var separate = await NpgsqlOperationsAsync(async () =>
        {
            await db.SelectAsync(q);
            await db.CountAsync(q);
        });
        var together = await NpgsqlOperationsAsync(() => db.SelectWithTotalAsync(q));
        var loaded = await NpgsqlOperationsAsync(() => db.LoadSelectWithTotalAsync(q));

        Assert.Equal(2, separate);
        Assert.Equal(1, together);
        Assert.Equal(3, loaded); // the page with its total, then one query per reference (Customer, Lines)
    }

    [Fact]
    public async Task A_connection_whose_server_went_away_answers_DatabaseUnavailableException()
    {
        await using var db = await Fixture.OpenAsync();
        SeedShop(db);
        var pid = await db.SqlScalarAsync<int>("SELECT pg_backend_pid()");
        await using (var admin = await Fixture.OpenAsync())
        {
            Assert.True(await admin.SqlScalarAsync<bool>("SELECT pg_terminate_backend(@pid)", new { pid }));
            // Gone once the server no longer lists it (bounded wait, not a timing assertion).
            for (var i = 0; i < 200 && await admin.SqlScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE pid = @pid", new { pid }) > 0; i++)
                await Task.Delay(50);
        }

        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => db.SelectWithTotalAsync(db.From<Order>().Take(1)));
        Assert.Equal(503, error.StatusCode);
    }

    [Fact]
    public async Task Cancelling_a_batch_that_waits_on_a_lock_stops_it_and_the_connection_works_again()
    {
        await using var db = await Fixture.OpenAsync();
        SeedShop(db);
        var pid = await db.SqlScalarAsync<int>("SELECT pg_backend_pid()");
        await using var locker = await Fixture.OpenAsync();
        await using var tx = await locker.OpenTransactionAsync();
        await locker.ExecuteSqlAsync("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");

        using var cancel = new CancellationTokenSource();
        var call = db.SelectWithTotalAsync(db.From<Order>().Take(1), cancel.Token);
        // Cancel once the server shows the batch waiting for the lock (bounded wait, not a timing assertion).
        for (var i = 0; i < 400 && await locker.SqlScalarAsync<long>(
                 "SELECT count(*) FROM pg_stat_activity WHERE pid = @pid AND wait_event_type = 'Lock'", new { pid }) == 0; i++)
            await Task.Delay(25);
        Assert.False(call.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await tx.RollbackAsync();
        Assert.Equal(5, (await db.SelectWithTotalAsync(db.From<Order>().Take(1))).Total);
    }

    private static async Task<int> NpgsqlOperationsAsync(Func<Task> action)
    {
        using var mine = new ActivitySource("BaaS.Data.Tests.RoundTrips");
        var count = 0;
        ActivityTraceId trace = default;
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" || ReferenceEquals(s, mine),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            // Only this call's operations: they run under its parent activity, so they share its trace id.
            ActivityStarted = a =>
            {
                if (a.Source.Name == "Npgsql" && a.TraceId == trace) Interlocked.Increment(ref count);
            },
        };
        ActivitySource.AddActivityListener(listener);
        using (var parent = mine.StartActivity("call")!)
        {
            trace = parent.TraceId;
            await action();
        }
        return count;
    }
}
