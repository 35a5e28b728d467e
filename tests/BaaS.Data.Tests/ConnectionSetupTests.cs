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
