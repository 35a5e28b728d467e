namespace BaaS.Data.Tests;

public abstract class SqlExpressionTests(TestDatabaseFixture fixture) : DataTestBase(fixture)
{
    [Fact]
    public void Order_paging_and_count_without_paging_work_together()
    {
        using var db = Open();
        SeedShop(db);
        var q = db.From<Order>().Where(x => x.Total > 1m).OrderByDescending(x => x.Total).ThenBy(x => x.Name).Skip(1).Take(2);
        Assert.Equal(["Pizza", "salad_bar 100%"], db.Select(q).Select(o => o.Name));
        Assert.Equal(4, db.Count(q));
        Assert.True(db.Exists(q));
        Assert.Equal(["Soup"], db.Select(db.From<Order>().OrderBy(x => x.Total).Take(1)).Select(o => o.Name));
        Assert.Equal(["Pasta", "Pie", "Pizza"], db.Select(db.From<Order>().OrderBy("Name").Take(3)).Select(o => o.Name));
        Assert.Equal(2, db.Select(db.From<Order>().Skip(3)).Count);
    }

    [Fact]
    public void OrderByFields_reads_minus_as_descending_and_validates_names()
    {
        using var db = Open();
        SeedShop(db);
        var q = db.From<Order>().OrderByFields("-Quantity, name");
        Assert.Equal(["Soup", "Pasta", "Pie"], db.Select(q).Take(3).Select(o => o.Name));
        var ex = Assert.Throws<UnknownFieldException>(() => db.From<Order>().OrderByFields("-Totl"));
        Assert.Equal("Order has no field 'Totl' (did you mean 'Total'?)", ex.Message);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("Totl", Assert.Single(ex.ToResponseStatus().Errors!).FieldName);
    }

    [Fact]
    public void Select_of_chosen_columns_fills_only_those()
    {
        using var db = Open();
        SeedShop(db);
        var rows = db.Select(db.From<Order>().Select(x => new { x.Id, x.Name }).Where(x => x.Name == "Pie"));
        var pie = Assert.Single(rows);
        Assert.Equal("Pie", pie.Name);
        Assert.Equal(0m, pie.Total);
        var byNames = db.Select(db.From<Order>().SelectFields(["Name", "total"]).Where(x => x.Name == "Pasta"));
        Assert.Equal(100m, Assert.Single(byNames).Total);
        Assert.Equal(0, byNames[0].Id);
    }

    [Fact]
    public void Joins_infer_the_reference_and_accept_conditions_on_joined_tables()
    {
        using var db = Open();
        SeedShop(db);
        var q = db.From<Order>().Join<Customer>().Where<Customer>(c => c.Country == "NL").OrderBy(x => x.Total);
        Assert.Equal(["Pie", "Pizza"], db.Select(q).Select(o => o.Name));
        var views = db.Select<OrderView>(db.From<Order>().Join<Customer>((o, c) => o.CustomerId == c.Id).Where(x => x.Total > 50m));
        var view = Assert.Single(views);
        Assert.Equal(("Pasta", "Bob", "bob@example.com"), (view.Name, view.CustomerName, view.CustomerEmail));
        Assert.Equal(5, db.Count(db.From<Order>().LeftJoin<Customer>()));
        Assert.Equal(4, db.Count(db.From<Order>().Join<Customer>()));
        var byRunTime = db.From<Order>().Join<Customer>();
        byRunTime.AddCondition(QueryTerm.And, "Customer.Name", SqlOperator.Equal, "Ann");
        byRunTime.AddCondition(QueryTerm.And, "Email", SqlOperator.EndsWith, "@EXAMPLE.com");
        Assert.Equal(2, db.Count(byRunTime));
        var projected = db.Select<OrderView>(db.From<Order>().Join<Customer>().Select<Customer, OrderView>((o, c) => new OrderView { Id = o.Id, CustomerName = c.Name }).OrderBy(x => x.Id));
        Assert.Equal("Ann", projected[0].CustomerName);
    }

    [Fact]
    public void GroupBy_Having_and_aggregates_compute_per_group()
    {
        using var db = Open();
        SeedShop(db);
        var q = db.From<Order>()
            .GroupBy(x => x.Status)
            .Having(x => Sql.Sum(x.Total) > 5m)
            .Select(x => new { x.Status, Total = Sql.Sum(x.Total), Count = Sql.Count() })
            .OrderBy(x => x.Status);
        var groups = db.Select<StatusTotal>(q).OrderBy(g => g.Status).ToList();
        Assert.True(groups.Count == 3, q.ToSelectSql() + " => " + string.Join(";", groups.Select(g => $"{g.Status} {g.Total} {g.Count}")));
        Assert.Equal([OrderStatus.Placed, OrderStatus.Shipped, OrderStatus.Cancelled], groups.Select(g => g.Status));
        Assert.Equal(112.50m, groups[0].Total);
        Assert.Equal(2, groups[0].Count);
        Assert.Equal(3, db.Count(q));
        Assert.Equal(112.50m, db.Scalar<decimal>(db.From<Order>().Select(x => Sql.Sum(x.Total)).Where(x => x.Status == OrderStatus.Placed)));
        Assert.Equal(4, db.Column<string>(db.From<Order>().Select(x => x.Status).Distinct()).Count);
        Assert.Equal(4, db.Count(db.From<Order>().Select(x => x.Status).Distinct()));
    }

    [Fact]
    public void Aggregate_accepts_only_known_functions_over_validated_fields()
    {
        using var db = Open();
        SeedShop(db);
        var q = db.From<Order>().Where(x => x.Status != OrderStatus.Draft).OrderBy(x => x.Name).Take(1);
        var result = db.Aggregate(q, [AggregateSpec.Parse("Count(*)"), AggregateSpec.Parse("sum(Total)"), AggregateSpec.Parse("MAX(Quantity)"),
            AggregateSpec.Parse("avg(total)"), new AggregateSpec(AggregateFunction.Min, "PlacedAt")]);
        Assert.Equal(4L, result["Count(*)"]);
        Assert.Equal(129.74m, result["Sum(Total)"]);
        Assert.Equal(3, result["Max(Quantity)"]);
        Assert.Equal(32.435m, result["Avg(total)"]);
        Assert.Equal(new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc), result["Min(PlacedAt)"]);
        Assert.Throws<ArgumentException>(() => AggregateSpec.Parse("pg_sleep(10)"));
        Assert.Throws<ArgumentException>(() => AggregateSpec.Parse("Sum(Total); drop table orders"));
        Assert.Throws<ArgumentException>(() => AggregateSpec.Parse("Sum(Total) --"));
        Assert.Throws<UnknownFieldException>(() => db.Aggregate(q, [new AggregateSpec(AggregateFunction.Sum, "Total) --")]));
    }

    [Fact]
    public void Run_time_conditions_convert_values_to_the_field_type()
    {
        using var db = Open();
        SeedShop(db);
        int Count(Action<SqlExpression<Order>> build)
        {
            var q = db.From<Order>();
            build(q);
            return (int)db.Count(q);
        }
        Assert.Equal(1, Count(q => q.AddCondition(QueryTerm.And, "Total", SqlOperator.GreaterThan, "50")));
        Assert.Equal(2, Count(q => q.AddCondition(QueryTerm.And, "status", SqlOperator.Equal, "placed")));
        Assert.Equal(3, Count(q => q.AddCondition(QueryTerm.And, "Status", SqlOperator.In, new[] { "Placed", "Shipped" })));
        Assert.Equal(2, Count(q => q.AddCondition(QueryTerm.And, "Status", SqlOperator.NotIn, new[] { "Placed", "Shipped", "Draft" }) .AddCondition(QueryTerm.Or, "IsGift", SqlOperator.Equal, "true")));
        Assert.Equal(2, Count(q => q.AddCondition(QueryTerm.And, "Name", SqlOperator.StartsWith, "pi")));
        Assert.Equal(1, Count(q => q.AddCondition(QueryTerm.And, "Name", SqlOperator.Contains, "100%")));
        Assert.Equal(1, Count(q => q.AddCondition(QueryTerm.And, "CustomerId", SqlOperator.IsNull, null)));
        Assert.Equal(4, Count(q => q.AddCondition(QueryTerm.And, "CustomerId", SqlOperator.IsNotNull, null)));
        Assert.Equal(3, Count(q => q.AddCondition(QueryTerm.And, "Total", SqlOperator.Between, new[] { "7", "13" })));
        Assert.Equal(2, Count(q => q.AddCondition(QueryTerm.And, "PlacedAt", SqlOperator.LessThan, "2024-01-03T00:00:00Z")));
        Assert.Equal(0, Count(q => q.AddCondition(QueryTerm.And, "Id", SqlOperator.In, Array.Empty<int>())));
        var bad = Assert.Throws<InvalidFieldValueException>(() => db.From<Order>().AddCondition(QueryTerm.And, "Quantity", SqlOperator.Equal, "lots"));
        Assert.Equal("Quantity", bad.FieldName);
        Assert.Equal(400, bad.StatusCode);
        Assert.Throws<InvalidFieldValueException>(() => db.From<Order>().AddCondition(QueryTerm.And, "Status", SqlOperator.Equal, "Lost"));
        Assert.Throws<InvalidFieldValueException>(() => db.From<Order>().AddCondition(QueryTerm.And, "Total", SqlOperator.StartsWith, "1"));
    }

    [Fact]
    public void Hostile_field_names_are_rejected_and_hostile_values_stay_values()
    {
        using var db = Open();
        SeedShop(db);
        string[] hostileNames = ["Name; DROP TABLE orders; --", "Name\" = \"Name", "1=1", "orders.name) OR (1=1", "", new string('x', 100_000), "Name\0"];
        foreach (var name in hostileNames)
        {
            Assert.ThrowsAny<ArgumentException>(() => db.From<Order>().AddCondition(QueryTerm.And, name, SqlOperator.Equal, "x"));
            Assert.ThrowsAny<ArgumentException>(() => db.From<Order>().OrderByFields([name]));
            Assert.ThrowsAny<ArgumentException>(() => db.From<Order>().SelectFields([name]));
        }
        string[] hostileValues = ["' OR '1'='1", "'; DROP TABLE orders; --", "\\", "%", "_", "\" OR \"\"=\"", "$1", "@p0"];
        foreach (var value in hostileValues)
        {
            foreach (var op in new[] { SqlOperator.Equal, SqlOperator.Contains, SqlOperator.StartsWith, SqlOperator.NotEqual })
            {
                var q = db.From<Order>().AddCondition(QueryTerm.And, "Name", op, value);
                var expected = op == SqlOperator.NotEqual ? 5 : value is "%" or "_" && op == SqlOperator.Contains ? 1 : 0;
                Assert.Equal(expected, db.Count(q));
            }
        }
        Assert.Equal(5, db.Count<Order>());
    }

    [Fact]
    public void Grouped_and_ensured_conditions_cannot_be_escaped_by_an_OR()
    {
        using var db = Open();
        var (ann, _) = SeedShop(db);
        var q = db.From<Order>();
        q.EnsureCondition("CustomerId", SqlOperator.Equal, ann.Id);
        q.AddCondition(QueryTerm.Or, "Name", SqlOperator.Equal, "Pasta");
        q.AddCondition(QueryTerm.Or, "Total", SqlOperator.GreaterThan, 0);
        Assert.Equal(2, db.Count(q));
        var grouped = db.From<Order>().Where(x => x.CustomerId == ann.Id)
            .AddGroup(QueryTerm.And, g => g.AddCondition(QueryTerm.Or, "Name", SqlOperator.Equal, "Pasta").AddCondition(QueryTerm.Or, "Name", SqlOperator.Equal, "Pie"));
        Assert.Equal(["Pie"], db.Select(grouped).Select(o => o.Name));
        var ensuredLambda = db.From<Order>().Ensure(x => x.CustomerId == ann.Id).Or(x => x.Total > 0m);
        Assert.Equal(2, db.Count(ensuredLambda));
        Assert.DoesNotContain("'", ensuredLambda.ToSelectSql());
    }
}

[Collection(SqliteFileCollection.SqliteFile)]
public sealed class SqliteFileSqlExpressionTests(SqliteFileDatabaseFixture f) : SqlExpressionTests(f);

[Collection(SqliteMemoryCollection.SqliteMemory)]
public sealed class SqliteMemorySqlExpressionTests(SqliteMemoryDatabaseFixture f) : SqlExpressionTests(f);

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresSqlExpressionTests(PostgresDatabaseFixture f) : SqlExpressionTests(f);
