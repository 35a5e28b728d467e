using BaaS.Data;
using BaaS.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Ui.Tests.Database;

/// <summary>A shop: the table the database page lists and pages through.</summary>
public class Shop
{
    [AutoIncrement] public int Id { get; set; }
    public string Name { get; set; } = "";
    public string City { get; set; } = "";
    public string? Notes { get; set; }
    public byte[]? Logo { get; set; }
    [Default(Sql = DefaultSql.CurrentTimestamp)] public DateTime? OpenedAt { get; set; }
}

/// <summary>A product of a shop (a foreign key the page shows).</summary>
public class Product
{
    [AutoIncrement] public int Id { get; set; }
    [References(typeof(Shop))] public int ShopId { get; set; }
    public string Name { get; set; } = "";
    public int Stock { get; set; }
}

/// <summary>
/// A server with the Admin UI (and so its database APIs) over a database holding 3 shops, 12 products and a table whose
/// name needs quoting; callers act through the test authentication header.
/// </summary>
public abstract class DatabaseFixture(TestDatabaseKind kind) : TestServerFixture
{
    public const string WeirdTable = "we\"ird table";
    public const string BigTable = "big_table";
    public const int BigRows = 20_000;
    public static readonly string Admin = TestAuthentication.User("1", "ada", ["Admin"]);
    public static readonly string Manager = TestAuthentication.User("2", "max", ["Manager"]);

    public DbConnectionFactory Factory => Server.Db;

    public bool IsPostgreSql => kind == TestDatabaseKind.PostgreSql;

    protected override void Configure(TestServerOptions options)
    {
        options.Dialect = kind;
        options.DatabasePrefix = "baas_ui_db";
        options.UseTestAuthentication = true;
        options.ConfigureServices += s => s.AddAdminUi();
        options.PrepareDatabase = async factory =>
        {
            await using var db = await factory.OpenAsync();
            await db.CreateTableAsync<Shop>();
            await db.CreateTableAsync<Product>();
            string[] cities = ["Leeds", "York", "Hull"];
            for (var i = 1; i <= 3; i++)
                await db.InsertAsync(new Shop { Name = $"Shop {i}", City = cities[i - 1], Notes = i == 2 ? null : new string('n', 1500), Logo = i == 1 ? [1, 2, 3] : null });
            for (var i = 1; i <= 12; i++)
                await db.InsertAsync(new Product { ShopId = i % 3 + 1, Name = $"Product {i:00}", Stock = (i * 7) % 10 });
            var weird = db.Dialect.QuoteIdentifier(WeirdTable);
            await db.ExecuteSqlAsync($"CREATE TABLE {weird} ({db.Dialect.QuoteIdentifier("va\"lue")} TEXT)");
            await db.ExecuteSqlAsync($"INSERT INTO {weird} VALUES ('a'), ('b')");
            // Secrets the database page must withhold (AdminUiOptions.HiddenColumns).
            await db.ExecuteSqlAsync("CREATE TABLE account (id INTEGER PRIMARY KEY, email TEXT, password_hash TEXT, api_secret TEXT)");
            await db.ExecuteSqlAsync("INSERT INTO account VALUES (1, 'ada@example.com', 'AQAAAAIAAYagAAAAE-hash', 's3cr3t'), (2, 'bob@example.com', NULL, NULL)");
            if (db.Dialect.Name == "PostgreSQL")
            {
                // Big enough for the planner's estimate to stand in for a count.
                await db.ExecuteSqlAsync($"CREATE TABLE {BigTable} AS SELECT g AS id FROM generate_series(1, {BigRows}) g");
                await db.ExecuteSqlAsync($"ANALYZE {BigTable}");
            }
        };
    }
}

public sealed class SqliteDatabaseFixture() : DatabaseFixture(TestDatabaseKind.SqliteFile);

public sealed class PostgreSqlDatabaseFixture() : DatabaseFixture(TestDatabaseKind.PostgreSql);
