namespace BaaS.Data.Tests;

/// <summary>
/// A page and the count of its whole query, read together: the same rows as <c>Select</c> and the same total as
/// <c>Count</c>, whatever the query's shape.
/// </summary>
public abstract class SelectWithTotalTests(TestDatabaseFixture fixture) : DataTestBase(fixture)
{
    [Fact]
    public async Task A_filtered_ordered_page_comes_with_the_count_of_every_matching_row()
    {
        await using var db = await Fixture.OpenAsync();
        SeedShop(db);
        var q = db.From<Order>().Where(x => x.Total > 1m).OrderByDescending(x => x.Total).ThenBy(x => x.Name).Skip(1).Take(2);

        var (rows, total) = await db.SelectWithTotalAsync(q);

        Assert.Equal(["Pizza", "salad_bar 100%"], rows.Select(o => o.Name));
        Assert.Equal(4, total);
        Assert.Equal(db.Select(q).Select(o => o.Id), rows.Select(o => o.Id));
        Assert.Equal(db.Count(q), total);
        var sync = db.SelectWithTotal(q);
        Assert.Equal(rows.Select(o => o.Id), sync.Rows.Select(o => o.Id));
        Assert.Equal(total, sync.Total);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_and_still_has_the_total()
    {
        await using var db = await Fixture.OpenAsync();
        SeedShop(db);
        var page = await db.SelectWithTotalAsync(db.From<Order>().Where(x => x.Quantity >= 1).Skip(50).Take(10));
        Assert.Empty(page.Rows);
        Assert.Equal(5, page.Total);

        var none = await db.SelectWithTotalAsync(db.From<Order>().Where(x => x.Name == "nothing like it").Take(10));
        Assert.Empty(none.Rows);
        Assert.Equal(0, none.Total);
    }

    [Fact]
    public async Task Joins_conditions_on_joined_tables_and_another_shape_count_the_joined_rows()
    {
        await using var db = await Fixture.OpenAsync();
        SeedShop(db);
        var q = db.From<Order>().Join<Customer>().Where<Customer>(c => c.Country == "NL").OrderBy(x => x.Total).Take(1);
        var nl = await db.SelectWithTotalAsync(q);
        Assert.Equal(["Pie"], nl.Rows.Select(o => o.Name));
        Assert.Equal(2, nl.Total);

        var views = await db.SelectWithTotalAsync<OrderView>(db.From<Order>().Join<Customer>().OrderByDescending(x => x.Total).Take(2));
        Assert.Equal([("Pasta", "Bob"), ("Pizza", "Ann")], views.Rows.Select(v => (v.Name, v.CustomerName)));
        Assert.Equal(4, views.Total); // the order without a customer is not joined

        var left = await db.SelectWithTotalAsync(db.From<Order>().LeftJoin<Customer>().Take(1));
        Assert.Single(left.Rows);
        Assert.Equal(5, left.Total);
    }

    [Fact]
    public async Task Chosen_fields_distinct_and_scalar_rows_count_what_the_query_selects()
    {
        await using var db = await Fixture.OpenAsync();
        SeedShop(db);
        var fields = await db.SelectWithTotalAsync(db.From<Order>().SelectFields(["Name", "Total"]).Where(x => x.Total < 50m).OrderBy(x => x.Name).Take(2));
        Assert.Equal([("Pie", 7.25m), ("Pizza", 12.50m)], fields.Rows.Select(o => (o.Name, o.Total)));
        Assert.All(fields.Rows, o => Assert.Equal(0, o.Id));
        Assert.Equal(4, fields.Total);

        var statuses = await db.SelectWithTotalAsync<OrderStatus>(db.From<Order>().Select(x => x.Status).Distinct().OrderBy(x => x.Status).Take(2));
        Assert.Equal([OrderStatus.Cancelled, OrderStatus.Draft], statuses.Rows); // enums are stored, so ordered, by name
        Assert.Equal(4, statuses.Total); // four distinct statuses over five orders
    }

    [Fact]
    public async Task In_a_transaction_the_page_and_total_see_its_uncommitted_rows_and_not_after_rollback()
    {
        await using var db = await Fixture.OpenAsync();
        SeedShop(db);
        var q = db.From<Order>().Where(x => x.Status == OrderStatus.Draft).OrderBy(x => x.Id).Take(1);
        await using (var tx = await db.OpenTransactionAsync())
        {
            await db.InsertAsync(new Order { Number = 10, Name = "Tea", Total = 2m, Quantity = 1, Status = OrderStatus.Draft });
            await db.InsertAsync(new Order { Number = 11, Name = "Cake", Total = 3m, Quantity = 1, Status = OrderStatus.Draft });
            var inside = await db.SelectWithTotalAsync(q);
            Assert.Equal(["Soup"], inside.Rows.Select(o => o.Name));
            Assert.Equal(3, inside.Total);
            await tx.RollbackAsync();
        }
        Assert.Equal(1, (await db.SelectWithTotalAsync(q)).Total);
    }

    [Fact]
    public async Task LoadSelectWithTotal_fills_the_references_of_the_page_only()
    {
        await using var db = await Fixture.OpenAsync();
        var (ann, bob) = SeedShop(db);
        db.Insert(new OrderLine { OrderId = db.Single<Order>(x => x.Name == "Pasta")!.Id, Product = "Basil", Price = 1m });

        var page = await db.LoadSelectWithTotalAsync(db.From<Order>().Where(x => x.CustomerId == bob.Id).OrderBy(x => x.Number).Take(1));
        var pasta = Assert.Single(page.Rows);
        Assert.Equal(2, page.Total);
        Assert.Equal("Bob", pasta.Customer?.Name);
        Assert.Equal(["Basil"], pasta.Lines.Select(l => l.Product));

        var customers = db.LoadSelectWithTotal(db.From<Customer>().Where(x => x.Id == ann.Id));
        Assert.Equal(1, customers.Total);
        Assert.Equal(["Pizza", "Pie"], customers.Rows[0].Orders.OrderBy(o => o.Number).Select(o => o.Name));

        var empty = await db.LoadSelectWithTotalAsync(db.From<Customer>().Skip(10).Take(5));
        Assert.Empty(empty.Rows);
        Assert.Equal(2, empty.Total);
    }

    [Fact]
    public async Task The_command_sent_holds_the_page_then_the_count_over_the_same_conditions()
    {
        await using var db = await Fixture.OpenAsync();
        SeedShop(db);
        await db.SelectWithTotalAsync(db.From<Order>().Where(x => x.Total > 1m).Skip(1).Take(2));
        // On SQLite this is the text of the one command that ran; on PostgreSQL the two statements of the one batch.
        var statements = db.LastSql!.Split(";\n");
        Assert.Equal(2, statements.Length);
        Assert.StartsWith("SELECT ", statements[0], StringComparison.Ordinal);
        Assert.Contains(" LIMIT ", statements[0], StringComparison.Ordinal);
        Assert.StartsWith("SELECT COUNT(*) FROM ", statements[1], StringComparison.Ordinal);
        Assert.DoesNotContain("LIMIT", statements[1], StringComparison.Ordinal);
        Assert.DoesNotContain("ORDER BY", statements[1], StringComparison.Ordinal);
        var where = statements[0][statements[0].IndexOf(" WHERE ", StringComparison.Ordinal)..statements[0].IndexOf(" ORDER BY", StringComparison.Ordinal)];
        Assert.EndsWith(where, statements[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statements_whose_parameters_differ_each_get_their_own_values()
    {
        await using var db = await Fixture.OpenAsync();
        SeedShop(db);
        // Not what SelectWithTotal renders (its count takes the page's first parameters): the path for anything else.
        var plan = ModelPlan<Order>.For(db.Dialect);
        var quantity = db.Dialect.Column(plan.Table, plan.Model.GetField("Quantity"));
        var page = ($"{plan.SelectAll} WHERE {quantity} >= {db.Dialect.ParameterPlaceholder(0)} ORDER BY {quantity}", new[] { new QueryParam(3, null) });
        var count = ($"SELECT COUNT(*) FROM {plan.Table} WHERE {quantity} >= {db.Dialect.ParameterPlaceholder(0)}", new[] { new QueryParam(2, null) });

        var (rows, total) = await Executor.QueryWithTotalAsync(db, page, count, plan.ReadAll, db.Dialect.UseAsyncIO, default);

        Assert.Equal(["Pasta", "Soup"], rows.Select(o => o.Name));
        Assert.Equal(3, total);
    }

    [Fact]
    public async Task A_cancelled_call_throws_OperationCanceledException_and_the_connection_still_works()
    {
        await using var db = await Fixture.OpenAsync();
        SeedShop(db);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.SelectWithTotalAsync(db.From<Order>().Take(1), cancelled.Token));
        Assert.Equal(5, (await db.SelectWithTotalAsync(db.From<Order>().Take(1))).Total);
    }

    [Fact]
    public async Task A_query_built_for_another_database_is_refused_before_anything_runs()
    {
        await using var db = await Fixture.OpenAsync();
        var other = IsPostgres ? (DialectProvider)Sqlite.SqliteDialect.Instance : PostgreSQL.PostgreSqlDialect.Instance;
        var foreign = new SqlExpression<Order>(other);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SelectWithTotalAsync(foreign));
        Assert.Contains("db.From<T>()", error.Message);
    }
}

[Collection(SqliteFileCollection.SqliteFile)]
public sealed class SqliteFileSelectWithTotalTests(SqliteFileDatabaseFixture f) : SelectWithTotalTests(f);

[Collection(SqliteMemoryCollection.SqliteMemory)]
public sealed class SqliteMemorySelectWithTotalTests(SqliteMemoryDatabaseFixture f) : SelectWithTotalTests(f);

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresSelectWithTotalTests(PostgresDatabaseFixture f) : SelectWithTotalTests(f);
