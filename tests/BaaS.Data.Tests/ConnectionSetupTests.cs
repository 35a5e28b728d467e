namespace BaaS.Data.Tests;

/// <summary>
/// PostgreSQL connections made by the platform keep their hot statements prepared on the server (Npgsql's automatic
/// preparation, on unless the connection string sets <c>Max Auto Prepare</c>), so a statement sent over and over is
/// parsed and planned once per connection.
/// </summary>
[Collection(PostgresCollection.Postgres)]
public class PostgresPreparedStatementTests(PostgresDatabaseFixture fixture) : DataTestBase(fixture)
{
    [Fact]
    public async Task A_statement_sent_again_and_again_is_prepared_on_the_server()
    {
        await using var db = await Fixture.Factory.OpenAsync();
        SeedShop(db);
        var marker = "prepared_" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 8; i++)
            Assert.Equal(1L, await db.SqlScalarAsync<long>($"SELECT count(*) AS {marker} FROM customer WHERE email = @email", new { email = "ann@example.com" }));

        var prepared = await db.SqlScalarAsync<long>("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE @pattern", new { pattern = "%" + marker + "%" });
        Assert.Equal(1L, prepared);
    }

    [Fact]
    public async Task A_connection_string_that_turns_preparation_off_is_obeyed()
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(Fixture.Database.ConnectionString) { MaxAutoPrepare = 0 };
        var factory = new DbConnectionFactory(settings.ConnectionString, Fixture.Factory.Dialect);
        await using var db = await factory.OpenAsync();
        var marker = "unprepared_" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 8; i++) await db.SqlScalarAsync<long>($"SELECT 1 AS {marker}");
        Assert.Equal(0L, await db.SqlScalarAsync<long>("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE @pattern", new { pattern = "%" + marker + "%" }));
    }
}

/// <summary>
/// SQLite connections: their settings are made once per native handle (which the driver pools), and every connection
/// handed out, a reused handle included, has them and the platform's functions.
/// </summary>
[Collection(SqliteFileCollection.SqliteFile)]
public class SqliteConnectionSetupTests(SqliteFileDatabaseFixture fixture) : DataTestBase(fixture)
{
    [Fact]
    public async Task Every_connection_has_the_busy_timeout_synchronous_normal_and_the_functions_also_on_a_reused_handle()
    {
        object? firstHandle = null;
        for (var i = 0; i < 5; i++)
        {
            await using var db = await Fixture.Factory.OpenAsync();
            var handle = ((Microsoft.Data.Sqlite.SqliteConnection)db.Inner).Handle;
            firstHandle ??= handle;
            Assert.Equal(5000L, await db.SqlScalarAsync<long>("PRAGMA busy_timeout"));
            Assert.Equal(1L, await db.SqlScalarAsync<long>("PRAGMA synchronous")); // NORMAL
            Assert.Equal("3.50", await db.SqlScalarAsync<string>("SELECT baas_dec_add('1.25', '2.25')"));
            if (i > 0) Assert.Same(firstHandle, handle); // the pool handed the same handle out again
        }
    }

    [Fact]
    public async Task The_decimal_aggregates_are_exact_null_for_no_values_and_report_text_that_is_no_number()
    {
        await using var db = await Fixture.Factory.OpenAsync();
        const string values = "SELECT '0.1' AS v UNION ALL SELECT '0.2' UNION ALL SELECT NULL UNION ALL SELECT '0.3'";
        Assert.Equal("0.6", await db.SqlScalarAsync<string>($"SELECT baas_dec_sum(v) FROM ({values})"));
        Assert.Equal("0.2", await db.SqlScalarAsync<string>($"SELECT baas_dec_avg(v) FROM ({values})"));
        Assert.Null(await db.SqlScalarAsync<string>("SELECT baas_dec_sum(v) FROM (SELECT NULL AS v)"));
        Assert.Null(await db.SqlScalarAsync<string>("SELECT baas_dec_avg(v) FROM (SELECT 1 AS v WHERE 0)"));
        Assert.Equal(-1L, await db.SqlScalarAsync<long>("SELECT CASE WHEN '9.5' < '10' COLLATE BAAS_DECIMAL THEN -1 ELSE 1 END"));
        Assert.Equal("ÉTÉ", await db.SqlScalarAsync<string>("SELECT baas_upper('été')"));

        var error = await Assert.ThrowsAnyAsync<Microsoft.Data.Sqlite.SqliteException>(() => db.SqlScalarAsync<string>("SELECT baas_dec_sum(v) FROM (SELECT 'ten' AS v)"));
        Assert.Contains("ten", error.Message);
        // The connection is still usable after a function failed.
        Assert.Equal("3.50", await db.SqlScalarAsync<string>("SELECT baas_dec_add('1.25', '2.25')"));
    }
}

/// <summary>
/// PostgreSQL connections go back to the pool without Npgsql's session reset (<c>No Reset On Close=true</c>, unless
/// the connection string says otherwise), which is safe because the platform leaves no session state behind.
/// </summary>
[Collection(PostgresCollection.Postgres)]
public class PostgresSessionResetTests(PostgresDatabaseFixture fixture) : DataTestBase(fixture)
{
    // A factory of its own: one idle connection in its pool, so the next open gets the same server session.
    private DbConnectionFactory NewFactory(string extra = "") =>
        new(Fixture.Database.ConnectionString + extra, Fixture.Factory.Dialect);

    [Fact]
    public async Task By_default_a_pooled_connection_is_not_reset_so_session_settings_survive_reuse() =>
        Assert.Equal("123s", await StatementTimeoutAfterReuseAsync(""));

    [Fact]
    public async Task A_connection_string_that_asks_for_the_reset_is_obeyed() =>
        Assert.Equal("0", await StatementTimeoutAfterReuseAsync(";No Reset On Close=false"));

    // Sets a session setting on one connection, closes it, and reads the setting on the next connection the pool hands
    // out, after checking it is the same server session.
    private async Task<string?> StatementTimeoutAfterReuseAsync(string extra)
    {
        await using var factory = NewFactory(extra);
        int pid;
        await using (var first = await factory.OpenAsync())
        {
            pid = await first.SqlScalarAsync<int>("SELECT pg_backend_pid()");
            await first.ExecuteSqlAsync("SET statement_timeout = '123s'");
        }
        await using var second = await factory.OpenAsync();
        Assert.Equal(pid, await second.SqlScalarAsync<int>("SELECT pg_backend_pid()"));
        return await second.SqlScalarAsync<string>("SHOW statement_timeout");
    }

    [Fact]
    public async Task The_session_state_the_platform_sets_is_gone_before_the_connection_is_reused()
    {
        await using var factory = NewFactory();
        int pid;
        await using (var db = await factory.OpenAsync())
        {
            pid = await db.SqlScalarAsync<int>("SELECT pg_backend_pid()");
            // Jobs: SET LOCAL planner hints and an advisory lock, both for one transaction.
            await using (var tx = await db.OpenTransactionAsync())
            {
                await db.ExecuteSqlAsync(db.Dialect.PreferIndexOrderSql + db.Dialect.AdvisoryTransactionLockSql("key"), new { key = 4242L });
                Assert.Equal("off", await db.SqlScalarAsync<string>("SHOW enable_sort"));
                await tx.CommitAsync();
            }
            // Jobs' wake-up listener: LISTEN until stopped.
            using var stop = new CancellationTokenSource();
            var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var listen = db.Dialect.ListenAsync(db, "baas_reset_test", payload => { if (payload is null) listening.TrySetResult(); }, stop.Token);
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listen);

            // A transaction left open on the driver's connection: rolled back on close, reset or not.
            await db.ExecuteSqlAsync("CREATE TABLE IF NOT EXISTS reset_probe (id integer)");
            await db.ExecuteSqlAsync("DELETE FROM reset_probe");
            var raw = await db.Inner.BeginTransactionAsync();
            await using var insert = db.Inner.CreateCommand();
            insert.Transaction = raw;
            insert.CommandText = "INSERT INTO reset_probe VALUES (1)";
            await insert.ExecuteNonQueryAsync();
        }

        await using var next = await factory.OpenAsync();
        Assert.Equal(pid, await next.SqlScalarAsync<int>("SELECT pg_backend_pid()"));
        Assert.Equal(0L, await next.SqlScalarAsync<long>("SELECT count(*) FROM pg_listening_channels()"));
        Assert.Equal("on", await next.SqlScalarAsync<string>("SHOW enable_sort"));
        Assert.Equal(0L, await next.SqlScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"));
        Assert.Equal(0L, await next.SqlScalarAsync<long>("SELECT count(*) FROM reset_probe"));
    }
}
