namespace BaaS.Data.Tests;

public abstract class RawSqlAndStringTests(TestDatabaseFixture fixture) : DataTestBase(fixture)
{
    public static TheoryData<string> HostileStrings() => new()
    {
        "it's \"quoted\" `back`",
        "'; DROP TABLE text_row; --",
        "Robert'); DELETE FROM text_row WHERE ('1'='1",
        "emoji 🎉👩‍👩‍👧 and RTL עברית العربية \u202Eevil",
        "nul\0in\0the middle\0",
        "\0",
        "private \uE000 use \uE0000 and \uE000\uE000",
        "backslash \\ percent % underscore _ dollar $1 at @p0",
        "line\r\nbreaks\ttabs",
        "",
        " ",
    };

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void Hostile_strings_round_trip_byte_for_byte_and_match_as_values(string value)
    {
        using var db = Open();
        Reset<TextRow>(db);
        var row = new TextRow { Value = value };
        db.Insert(row);
        Assert.Equal(value, db.SingleById<TextRow>(row.Id)!.Value);
        Assert.Equal(row.Id, db.Single<TextRow>(x => x.Value == value)!.Id);
        Assert.Equal(value, db.SqlScalar<string>("select value from text_row where value = @v", new { v = value }));
        if (value.Length > 0) Assert.Single(db.Select<TextRow>(x => x.Value.StartsWith(value)));
        Assert.True(db.TableExists<TextRow>());
    }

    [Fact]
    public void A_one_megabyte_string_round_trips()
    {
        using var db = Open();
        Reset<TextRow>(db);
        var big = string.Concat(Enumerable.Repeat("0123456789abcdé🎉", 1024 * 1024 / 16));
        var row = new TextRow { Value = big };
        db.Insert(row);
        Assert.Equal(big, db.SingleById<TextRow>(row.Id)!.Value);
    }

    [Fact]
    public async Task Raw_sql_binds_parameters_and_maps_columns_to_fields()
    {
        await using var db = await Fixture.OpenAsync();
        SeedShop(db);
        var rows = db.SqlList<Order>("select * from orders where total > @min order by total", new { min = 10m });
        Assert.Equal(["Pizza", "Pasta"], rows.Select(r => r.Name));
        Assert.Equal(OrderStatus.Placed, rows[0].Status);
        var views = await db.SqlListAsync<OrderView>(
            "select o.id, o.name, o.total, c.name as customer_name from orders o join customer c on c.id = o.customer_id where c.name = @name",
            new Dictionary<string, object?> { ["name"] = "Bob" });
        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.Equal("Bob", v.CustomerName));
        Assert.Equal(5, db.SqlScalar<int>("select count(*) from orders"));
        Assert.Equal(5L, await db.SqlScalarAsync<long>("select count(*) from orders"));
        Assert.Equal(["Pasta"], db.Column<string>("select name from orders where name like @p order by name", new { p = "Pa%" }));
        var counts = db.Dictionary<string, int>("select name, quantity from orders");
        Assert.Equal(5, counts["Soup"]);
        Assert.Equal(1, db.ExecuteSql("update orders set note = @note where name = @name", new { note = "raw", name = "Soup" }));
        Assert.Equal("raw", db.Single<Order>(x => x.Name == "Soup")!.Note);
        var status = OrderStatus.Shipped;
        Assert.Equal("Pie", db.SqlScalar<string>("select name from orders where status = @status", new { status }));
        Assert.Equal(3, db.SqlList<int>("select quantity from orders where placed_at >= @since", new { since = new DateTime(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc) }).Count);
    }

    [Fact]
    public async Task Dapper_style_use_of_the_connection_joins_the_open_transaction()
    {
        await using var db = await Fixture.OpenAsync();
        ResetShop(db);
        await using var tx = await db.OpenTransactionAsync();
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "insert into customer (email, name) values ('raw@x', 'Raw')";
            cmd.ExecuteNonQuery();
        }
        Assert.Equal(1, db.Count<Customer>());
        await tx.RollbackAsync();
        Assert.Equal(0, db.Count<Customer>());
    }
}

[Collection(SqliteFileCollection.SqliteFile)]
public sealed class SqliteFileRawSqlAndStringTests(SqliteFileDatabaseFixture f) : RawSqlAndStringTests(f);

[Collection(SqliteMemoryCollection.SqliteMemory)]
public sealed class SqliteMemoryRawSqlAndStringTests(SqliteMemoryDatabaseFixture f) : RawSqlAndStringTests(f);

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresRawSqlAndStringTests(PostgresDatabaseFixture f) : RawSqlAndStringTests(f);
