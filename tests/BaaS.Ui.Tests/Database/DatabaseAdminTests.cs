using System.Net;
using System.Text.Json;
using BaaS.Client;
using BaaS.Data;

namespace BaaS.Ui.Tests.Database;

/// <summary>
/// AdminQueryTables and AdminQueryTableRows on a real database: the tables and their counts as the database has them,
/// pages and orders equal to the database's own, and names that are not the database's refused before any SQL runs.
/// </summary>
public abstract class DatabaseAdminTests<TFixture>(TFixture fixture) where TFixture : DatabaseFixture
{
    private JsonApiClient AdminClient() => fixture.CreateClient(DatabaseFixture.Admin);

    private async Task<AdminQueryTableRowsResponse> RowsAsync(AdminQueryTableRows request)
    {
        using var client = AdminClient();
        return await client.GetAsync(request);
    }

    private Task<WebServiceException> FailsAsync(object request) => FailsAsync(request, DatabaseFixture.Admin);

    private async Task<WebServiceException> FailsAsync(object request, string? user)
    {
        using var client = fixture.CreateClient(user);
        return request switch
        {
            AdminQueryTableRows rows => await Assert.ThrowsAsync<WebServiceException>(() => client.GetAsync(rows)),
            AdminQueryTables tables => await Assert.ThrowsAsync<WebServiceException>(() => client.GetAsync(tables)),
            _ => throw new ArgumentException("Not a database request.", nameof(request)),
        };
    }

    private static long Long(object? value) => ((JsonElement)value!).GetInt64();

    private static string? Text(object? value) => value is JsonElement { ValueKind: JsonValueKind.Null } or null ? null : ((JsonElement)value).GetString();

    [Fact]
    public async Task Tables_lists_every_table_with_its_columns_and_exact_row_counts()
    {
        using var client = AdminClient();
        var response = await client.GetAsync(new AdminQueryTables());

        Assert.Equal(fixture.IsPostgreSql ? "PostgreSQL" : "SQLite", response.Dialect);
        await using var db = await fixture.Factory.OpenAsync();
        foreach (var (name, quoted) in new[] { ("shop", "shop"), ("product", "product"), (DatabaseFixture.WeirdTable, db.Dialect.QuoteIdentifier(DatabaseFixture.WeirdTable)) })
        {
            var table = Assert.Single(response.Results, t => t.Name == name);
            Assert.Equal(await db.SqlScalarAsync<long>($"SELECT count(*) FROM {quoted}"), table.RowCount);
            Assert.False(table.RowCountIsEstimate);
            Assert.Equal(fixture.IsPostgreSql ? "public" : "main", table.Schema);
        }

        var shop = response.Results.Single(t => t.Name == "shop");
        Assert.Equal(["id", "name", "city", "notes", "logo", "opened_at"], shop.Columns.Select(c => c.Name));
        var id = shop.Columns[0];
        Assert.True(id.IsPrimaryKey);
        Assert.False(id.IsNullable);
        Assert.False(shop.Columns[1].IsNullable);
        Assert.True(shop.Columns[3].IsNullable);
        Assert.False(shop.Columns[3].IsPrimaryKey);
        Assert.NotNull(shop.Columns[5].Default);
        Assert.Contains(fixture.IsPostgreSql ? "text" : "TEXT", shop.Columns[1].DataType, StringComparison.Ordinal);
        var product = response.Results.Single(t => t.Name == "product");
        Assert.Equal("shop.id", product.Columns.Single(c => c.Name == "shop_id").References);
        Assert.Null(product.Columns.Single(c => c.Name == "name").References);
        Assert.Equal(response.Results.OrderBy(t => t.Schema, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).Select(t => t.Name),
            response.Results.Select(t => t.Name));
    }

    [Fact]
    public async Task The_docs_example_lists_the_tables_and_reads_a_sorted_page()
    {
        using var client = AdminClient();
#region snippet:admin-ui-database-client
        var tables = await client.GetAsync(new AdminQueryTables());
        var product = tables.Results.Single(t => t.Name == "product");   // RowCount, Columns (DataType, IsPrimaryKey, References...)
        var page = await client.GetAsync(new AdminQueryTableRows { Table = "product", OrderBy = "-stock", Skip = 0, Take = 20 });
        var stock = page.Columns.FindIndex(c => c.Name == "stock");
        var topStock = page.Results[0][stock];                            // a JSON value: JsonElement in C#
#endregion
        Assert.Equal(12, product.RowCount);
        Assert.Equal(12, page.Total);
        Assert.Equal(9, ((JsonElement)topStock!).GetInt64());
    }

    [Fact]
    public async Task Rows_come_a_page_at_a_time_in_key_order_with_the_total()
    {
        await using var db = await fixture.Factory.OpenAsync();
        var expected = (await db.SelectAsync<Product>()).OrderBy(p => p.Id).Select(p => (long)p.Id).ToList();
        var seen = new List<long>();
        for (var skip = 0; skip < expected.Count + 5; skip += 5)
        {
            var page = await RowsAsync(new AdminQueryTableRows { Table = "product", Skip = skip, Take = 5 });
            Assert.Equal(expected.Count, page.Total);
            Assert.Equal(skip, page.Offset);
            Assert.Equal(["id", "shop_id", "name", "stock"], page.Columns.Select(c => c.Name));
            Assert.Equal(Math.Clamp(expected.Count - skip, 0, 5), page.Results.Count);
            seen.AddRange(page.Results.Select(r => Long(r[0])));
        }
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Rows_sort_by_a_column_either_way_with_the_key_breaking_ties()
    {
        await using var db = await fixture.Factory.OpenAsync();
        var products = await db.SelectAsync<Product>();
        var descending = await RowsAsync(new AdminQueryTableRows { Table = "product", OrderBy = "-stock", Take = 100 });
        Assert.Equal(products.OrderByDescending(p => p.Stock).ThenBy(p => p.Id).Select(p => (long)p.Id), descending.Results.Select(r => Long(r[0])));
        var ascending = await RowsAsync(new AdminQueryTableRows { Table = "PRODUCT", OrderBy = "Name", Take = 3, Skip = 2 });
        Assert.Equal(products.OrderBy(p => p.Name, StringComparer.Ordinal).Skip(2).Take(3).Select(p => p.Name), ascending.Results.Select(r => Text(r[2])));
    }

    [Fact]
    public async Task Rows_filter_on_one_column_by_its_text()
    {
        await using var db = await fixture.Factory.OpenAsync();
        var expected = (await db.SelectAsync<Product>(p => p.ShopId == 2)).OrderBy(p => p.Id).Select(p => (long)p.Id).ToList();
        var page = await RowsAsync(new AdminQueryTableRows { Table = "product", FilterColumn = "shop_id", FilterValue = "2", Take = 100 });
        Assert.Equal(expected.Count, page.Total);
        Assert.Equal(expected, page.Results.Select(r => Long(r[0])));
    }

    [Fact]
    public async Task A_big_postgresql_table_gives_the_planners_estimate_marked_as_one()
    {
        using var client = AdminClient();
        var tables = await client.GetAsync(new AdminQueryTables());
        var big = tables.Results.SingleOrDefault(t => t.Name == DatabaseFixture.BigTable);
        if (!fixture.IsPostgreSql)
        {
            Assert.Null(big); // SQLite keeps no estimate: every table is counted
            return;
        }
        Assert.NotNull(big);
        Assert.True(big.RowCountIsEstimate);
        // ANALYZE samples up to 30,000 rows, so here it saw them all; the margin is for the planner's rounding.
        Assert.InRange(big.RowCount, DatabaseFixture.BigRows * 9 / 10, DatabaseFixture.BigRows * 11 / 10);
    }

    [Theory]
    [InlineData("a\0b")]
    [InlineData("\uE000")]
    [InlineData("' OR '1'='1")]
    public async Task A_filter_value_is_a_parameter_whatever_it_holds(string value)
    {
        var page = await RowsAsync(new AdminQueryTableRows { Table = "shop", FilterColumn = "name", FilterValue = value });
        Assert.Equal(0, page.Total);
        Assert.Empty(page.Results);
    }

    [Fact]
    public async Task Values_are_json_values_binary_as_its_size_long_text_cut_null_as_null()
    {
        var page = await RowsAsync(new AdminQueryTableRows { Table = "shop", Take = 3 });
        var first = page.Results[0];
        Assert.Equal("(3 bytes)", Text(first[4]));
        var notes = Text(first[3])!;
        Assert.Equal(new string('n', 1000) + "… (1500 characters)", notes);
        Assert.Null(Text(page.Results[1][3]));
        Assert.Null(Text(page.Results[1][4]));
        Assert.Equal("Leeds", Text(first[2]));
        Assert.False(string.IsNullOrEmpty(Text(first[5]))); // the default timestamp, as text
    }

    [Fact]
    public async Task A_table_whose_name_needs_quoting_is_read_through_the_dialects_quoting()
    {
        var page = await RowsAsync(new AdminQueryTableRows { Table = DatabaseFixture.WeirdTable, OrderBy = "-va\"lue" });
        Assert.Equal(2, page.Total);
        Assert.Equal(["b", "a"], page.Results.Select(r => Text(r[0])));
    }

    [Theory]
    [InlineData("shop; DROP TABLE product")]
    [InlineData("shop\" WHERE 1=1; DROP TABLE product; --")]
    [InlineData("sqlite_master")]
    [InlineData("pg_catalog.pg_class")]
    [InlineData("../shop")]
    public async Task A_table_the_database_does_not_list_is_404_naming_the_field_and_runs_nothing(string table)
    {
        var error = await FailsAsync(new AdminQueryTableRows { Table = table });
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("Table", Assert.Single(error.ResponseStatus.Errors!).FieldName);
        await using var db = await fixture.Factory.OpenAsync();
        Assert.Equal(12, await db.CountAsync<Product>());
    }

    [Theory]
    [InlineData("OrderBy", "id; DROP TABLE product")]
    [InlineData("OrderBy", "-\"id\"")]
    [InlineData("OrderBy", "1")]
    [InlineData("FilterColumn", "city) OR (1=1")]
    [InlineData("FilterColumn", "no_such_column")]
    public async Task A_column_the_table_does_not_have_is_400_naming_the_field(string field, string column)
    {
        var request = new AdminQueryTableRows { Table = "shop" };
        if (field == "OrderBy") request.OrderBy = column;
        else { request.FilterColumn = column; request.FilterValue = "Leeds"; }
        var error = await FailsAsync(request);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.ResponseStatus.Errors!).FieldName);
        await using var db = await fixture.Factory.OpenAsync();
        Assert.Equal(12, await db.CountAsync<Product>());
    }

    [Theory]
    [InlineData("Skip", -1, 10)]
    [InlineData("Take", 0, 0)]
    [InlineData("Take", 0, 101)]
    public async Task Paging_out_of_range_is_400_naming_the_field(string field, int skip, int take)
    {
        var error = await FailsAsync(new AdminQueryTableRows { Table = "shop", Skip = skip, Take = take });
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.ResponseStatus.Errors!).FieldName);
    }

    [Fact]
    public async Task A_missing_table_or_filter_value_is_400_naming_the_field()
    {
        var noTable = await FailsAsync(new AdminQueryTableRows());
        Assert.Equal(400, noTable.StatusCode);
        Assert.Equal("Table", Assert.Single(noTable.ResponseStatus.Errors!).FieldName);
        var noValue = await FailsAsync(new AdminQueryTableRows { Table = "shop", FilterColumn = "city" });
        Assert.Equal(400, noValue.StatusCode);
        Assert.Equal("FilterValue", Assert.Single(noValue.ResponseStatus.Errors!).FieldName);
    }

    [Fact]
    public async Task Visitors_and_non_admins_are_refused()
    {
        Assert.Equal(401, (await FailsAsync(new AdminQueryTables(), null)).StatusCode);
        Assert.Equal(401, (await FailsAsync(new AdminQueryTableRows { Table = "shop" }, null)).StatusCode);
        Assert.Equal(403, (await FailsAsync(new AdminQueryTables(), DatabaseFixture.Manager)).StatusCode);
        Assert.Equal(403, (await FailsAsync(new AdminQueryTableRows { Table = "shop" }, DatabaseFixture.Manager)).StatusCode);
    }
}

public sealed class SqliteDatabaseAdminTests(SqliteDatabaseFixture fixture)
    : DatabaseAdminTests<SqliteDatabaseFixture>(fixture), IClassFixture<SqliteDatabaseFixture>;

public sealed class PostgreSqlDatabaseAdminTests(PostgreSqlDatabaseFixture fixture)
    : DatabaseAdminTests<PostgreSqlDatabaseFixture>(fixture), IClassFixture<PostgreSqlDatabaseFixture>;

/// <summary>With <c>ShowDatabase = false</c> the database APIs do not exist and the page is not listed.</summary>
public sealed class DatabaseHiddenTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await TestServer.StartAsync(o =>
        {
            o.Dialect = TestDatabaseKind.SqliteMemory;
            o.UseTestAuthentication = true;
            o.ConfigureServices += s => s.AddAdminUi(ui => ui.ShowDatabase = false);
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_database_apis_are_not_served()
    {
        using var http = _server.CreateHttp(DatabaseFixture.Admin);
        using var tables = await http.GetAsync("/api/AdminQueryTables");
        Assert.Equal(HttpStatusCode.NotFound, tables.StatusCode);
        using var rows = await http.GetAsync("/api/AdminQueryTableRows?table=shop");
        Assert.Equal(HttpStatusCode.NotFound, rows.StatusCode);
        var metadata = await http.GetStringAsync("/metadata/app.json");
        Assert.DoesNotContain("AdminQueryTables", metadata, StringComparison.Ordinal);
    }
}
