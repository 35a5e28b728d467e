using System.Globalization;

namespace BaaS.Data.Tests;

/// <summary>
/// Decimals with [DecimalLength(p, s)] give the same answers on SQLite (scaled integers) as on PostgreSQL
/// (numeric(p,s)): written values rounded half away from zero, overflow refused naming the field, exact comparisons,
/// ordering and aggregates.
/// </summary>
public abstract class DeclaredDecimalTests(TestDatabaseFixture fixture) : DataTestBase(fixture)
{
    private static string Text(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static List<Priced> Seed(DataConnection db)
    {
        Reset<Priced>(db);
        var rows = new List<Priced>
        {
            new() { Category = "a", Price = -5.5m },
            new() { Category = "a", Price = 0m },
            new() { Category = "b", Price = 0.00m },
            new() { Category = "b", Price = 2.5m },
            new() { Category = "c", Price = 2.50m },
            new() { Category = "c", Price = 500m },
            new() { Category = "c", Price = 500.01m },
            new() { Category = "d", Price = 1000m },
        };
        db.InsertAll(rows);
        return rows;
    }

    private static List<string> Prices(IEnumerable<Priced> rows) => rows.Select(r => Text(r.Price)).ToList();

    [Fact]
    public void Values_read_back_with_exactly_the_declared_scale()
    {
        using var db = Open();
        Reset<Priced>(db);
        var row = new Priced { Price = 1.5m, Weight = 2m, Wide = 1.5m };
        db.Insert(row);
        db.Insert(new Priced { Price = -3.1m, Weight = null, Wide = -0.00001m });
        var back = db.Select<Priced>(db.From<Priced>().OrderBy(x => x.Id));
        Assert.Equal(["1.50", "-3.10"], Prices(back));
        Assert.Equal("2.000", Text(back[0].Weight!.Value));
        Assert.Null(back[1].Weight);
        Assert.Equal("1.5000", Text(back[0].Wide));
        Assert.Equal("0.0000", Text(back[1].Wide));
        Assert.Equal("1.50", Text(db.Scalar<Priced, decimal>(x => x.Price, x => x.Id == row.Id)));
    }

    [Fact]
    public void Written_values_are_rounded_half_away_from_zero_by_every_write()
    {
        using var db = Open();
        Reset<Priced>(db);
        var a = new Priced { Category = "x", Price = 1.005m, Weight = 0.0005m };
        db.Insert(a);
        db.InsertAll(new[] { new Priced { Category = "y", Price = -1.005m }, new Priced { Category = "z", Price = 2.004m } });
        Assert.Equal(["1.01", "-1.01", "2.00"], Prices(db.Select<Priced>(db.From<Priced>().OrderBy(x => x.Id))));
        Assert.Equal("0.001", Text(db.SingleById<Priced>(a.Id)!.Weight!.Value));

        a.Price = 7.125m;
        db.Update(a);
        Assert.Equal("7.13", Text(db.SingleById<Priced>(a.Id)!.Price));
        db.UpdateOnly(() => new Priced { Price = -7.125m }, x => x.Id == a.Id);
        Assert.Equal("-7.13", Text(db.SingleById<Priced>(a.Id)!.Price));
    }

    [Fact]
    public void A_value_beyond_the_precision_is_refused_naming_the_field_and_nothing_is_written()
    {
        using var db = Open();
        Reset<Priced>(db);
        db.Insert(new Priced { Price = 99999999.99m });
        var ex = Assert.Throws<InvalidFieldValueException>(() => db.Insert(new Priced { Price = 100000000m }));
        Assert.Equal("Price", ex.FieldName);
        Assert.Contains("decimal(10,2)", ex.Message);
        // Rounds up past the limit.
        Assert.Equal("Price", Assert.Throws<InvalidFieldValueException>(() => db.Insert(new Priced { Price = -99999999.995m })).FieldName);
        Assert.Equal("Weight", Assert.Throws<InvalidFieldValueException>(() => db.Insert(new Priced { Weight = 1000m })).FieldName);
        Assert.Equal("Price", Assert.Throws<InvalidFieldValueException>(
            () => db.UpdateOnly(() => new Priced { Price = 1e12m }, x => x.Id > 0)).FieldName);
        Assert.Equal(1, db.Count<Priced>());
        Assert.Equal("99999999.99", Text(db.Single<Priced>(x => x.Id > 0)!.Price));
    }

    [Fact]
    public void UpdateAdd_is_exact_rounds_the_sum_like_numeric_and_refuses_overflow()
    {
        using var db = Open();
        Reset<Priced>(db);
        var row = new Priced { Price = 1m };
        var negative = new Priced { Price = -1m };
        db.Insert(row);
        db.Insert(negative);
        db.UpdateAdd(() => new Priced { Price = 0.1m }, x => x.Id == row.Id);
        db.UpdateAdd(() => new Priced { Price = 0.2m }, x => x.Id == row.Id);
        Assert.Equal("1.30", Text(db.SingleById<Priced>(row.Id)!.Price));
        // -1.00 + 0.005 = -0.995, which numeric(10,2) rounds away from zero to -1.00; 1.30 - 0.005 = 1.295 -> 1.30.
        db.UpdateAdd(() => new Priced { Price = 0.005m }, x => x.Id == negative.Id);
        db.UpdateAdd(() => new Priced { Price = -0.005m }, x => x.Id == row.Id);
        Assert.Equal("-1.00", Text(db.SingleById<Priced>(negative.Id)!.Price));
        Assert.Equal("1.30", Text(db.SingleById<Priced>(row.Id)!.Price));
        db.UpdateAdd(() => new Priced { Price = 0.006m }, x => x.Id == negative.Id);
        Assert.Equal("-0.99", Text(db.SingleById<Priced>(negative.Id)!.Price));

        db.UpdateOnly(() => new Priced { Price = 99999999m }, x => x.Id == row.Id);
        var ex = Assert.Throws<InvalidFieldValueException>(() => db.UpdateAdd(() => new Priced { Price = 1m }, x => x.Id == row.Id));
        Assert.Equal("Price", ex.FieldName);
        Assert.Equal("99999999.00", Text(db.SingleById<Priced>(row.Id)!.Price));
    }

    [Fact]
    public void Comparisons_are_exact_even_with_more_decimals_than_the_column()
    {
        using var db = Open();
        Seed(db);
        Assert.Equal(["500.01", "1000.00"], Prices(db.Select<Priced>(x => x.Price > 500m)));
        Assert.Equal(["500.01", "1000.00"], Prices(db.Select<Priced>(x => x.Price > 500.005m)));
        Assert.Equal(["500.01", "1000.00"], Prices(db.Select<Priced>(x => x.Price >= 500.005m)));
        Assert.Equal(["500.00", "500.01", "1000.00"], Prices(db.Select<Priced>(x => x.Price >= 500m)));
        Assert.Equal(3, db.Count<Priced>(x => x.Price < 2.5m));
        Assert.Equal(5, db.Count<Priced>(x => x.Price < 2.501m));
        Assert.Equal(5, db.Count<Priced>(x => x.Price <= 2.509m));
        Assert.Equal(2, db.Count<Priced>(x => x.Price == 2.5m));
        Assert.Equal(2, db.Count<Priced>(x => x.Price == 0m));
        Assert.Equal(0, db.Count<Priced>(x => x.Price == 2.505m));
        Assert.Equal(8, db.Count<Priced>(x => x.Price != 2.505m));
        Assert.Equal(6, db.Count<Priced>(x => x.Price != 2.5m));
        Assert.Equal(1, db.Count<Priced>(x => x.Price < -5m));
        Assert.Equal(8, db.Count<Priced>(x => x.Price < 1e20m));
        Assert.Equal(0, db.Count<Priced>(x => x.Price > 1e20m));
    }

    [Fact]
    public void Two_decimal_columns_compare_by_value_whatever_their_scales()
    {
        using var db = Open();
        Reset<Priced>(db);
        db.InsertAll(new[]
        {
            new Priced { Category = "cheaper", Price = 10.5m, Cost = 10.499m, Wide = 10.5m },
            new Priced { Category = "equal", Price = 10.5m, Cost = 10.5m, Wide = 11m },
            new Priced { Category = "dearer", Price = 10.5m, Cost = 10.501m, Wide = 10m },
        });
        Assert.Equal(["cheaper"], db.Select<Priced>(x => x.Price > x.Cost).Select(r => r.Category));
        Assert.Equal(["equal"], db.Select<Priced>(x => x.Cost == x.Price).Select(r => r.Category));
        // Wide has 24 digits: exact text on SQLite, compared with the scaled Price by value.
        Assert.Equal(["equal"], db.Select<Priced>(x => x.Price < x.Wide).Select(r => r.Category));
        Assert.Equal(["dearer"], db.Select<Priced>(x => x.Wide < x.Price).Select(r => r.Category));
    }

    [Fact]
    public void In_between_and_run_time_conditions_bind_exact_values()
    {
        using var db = Open();
        Seed(db);
        var wanted = new[] { 2.5m, 0m, 3.333m };
        Assert.Equal(4, db.Count<Priced>(x => wanted.Contains(x.Price)));
        Assert.Equal(4, db.Count(db.From<Priced>().AddCondition(QueryTerm.And, "Price", SqlOperator.NotIn, new[] { 2.5m, 0m, 3.333m })));
        Assert.Equal(0, db.Count(db.From<Priced>().AddCondition(QueryTerm.And, "Price", SqlOperator.In, new[] { 3.333m })));
        Assert.Equal(["2.50", "2.50", "500.00"], Prices(db.Select(db.From<Priced>()
            .AddCondition(QueryTerm.And, "Price", SqlOperator.Between, new[] { 0.001m, 500.009m }).OrderBy(x => x.Price))));
        // As AutoQuery binds a query string: priceGreaterThan=500
        Assert.Equal(["500.01", "1000.00"], Prices(db.Select(db.From<Priced>()
            .AddCondition(QueryTerm.And, "Price", SqlOperator.GreaterThan, "500").OrderBy(x => x.Price))));
        Assert.Equal("Price", Assert.Throws<InvalidFieldValueException>(
            () => db.From<Priced>().AddCondition(QueryTerm.And, "Price", SqlOperator.GreaterThan, "abc")).FieldName);
    }

    [Fact]
    public void Ordering_is_numeric_with_negatives_and_equal_values()
    {
        using var db = Open();
        Seed(db);
        Assert.Equal(["1000.00", "500.01", "500.00", "2.50", "2.50", "0.00", "0.00", "-5.50"],
            Prices(db.Select(db.From<Priced>().OrderByFields("-Price"))));
        Assert.Equal(["-5.50", "0.00"], Prices(db.Select(db.From<Priced>().OrderBy(x => x.Price).Take(2))));
    }

    [Fact]
    public void Sum_avg_min_max_are_exact()
    {
        using var db = Open();
        Reset<Priced>(db);
        db.InsertAll(new[]
        {
            new Priced { Category = "a", Price = 0.1m }, new Priced { Category = "a", Price = 0.2m },
            new Priced { Category = "b", Price = -7.25m }, new Priced { Category = "b", Price = 1000.5m },
        });
        Assert.Equal("0.30", Text(db.Scalar<Priced, decimal>(x => Sql.Sum(x.Price), x => x.Category == "a")));
        Assert.Equal(0.15m, db.Scalar<Priced, decimal>(x => Sql.Avg(x.Price), x => x.Category == "a"));
        Assert.Equal("-7.25", Text(db.Scalar<Priced, decimal>(x => Sql.Min(x.Price))));
        Assert.Equal("1000.50", Text(db.Scalar<Priced, decimal>(x => Sql.Max(x.Price))));
        var all = db.Aggregate(db.From<Priced>(), [
            new AggregateSpec(AggregateFunction.Sum, "Price"), new AggregateSpec(AggregateFunction.Avg, "Price"),
            new AggregateSpec(AggregateFunction.Min, "Price"), new AggregateSpec(AggregateFunction.Max, "Price")]);
        Assert.Equal("993.55", Text((decimal)all["Sum(Price)"]!));
        Assert.Equal(248.3875m, (decimal)all["Avg(Price)"]!);
        Assert.Equal("-7.25", Text((decimal)all["Min(Price)"]!));
        Assert.Equal("1000.50", Text((decimal)all["Max(Price)"]!));

        // HAVING compares the aggregates exactly too.
        var q = db.From<Priced>().GroupBy(x => x.Category).Having(x => Sql.Sum(x.Price) == 0.3m).Select(x => x.Category);
        Assert.Equal(["a"], db.Column<string>(q));
        var avg = db.From<Priced>().GroupBy(x => x.Category).Having(x => Sql.Avg(x.Price) > 0.149m).Select(x => x.Category).OrderBy(x => x.Category);
        Assert.Equal(["a", "b"], db.Column<string>(avg));
        var avgExact = db.From<Priced>().GroupBy(x => x.Category).Having(x => Sql.Avg(x.Price) == 496.625m).Select(x => x.Category);
        Assert.Equal(["b"], db.Column<string>(avgExact));
    }

    [Fact]
    public void Projections_and_other_shapes_read_the_value_not_the_stored_form()
    {
        using var db = Open();
        Seed(db);
        var view = db.Select<PricedView>(db.From<Priced>().Where(x => x.Price > 500m).OrderBy(x => x.Price));
        Assert.Equal(["500.01", "1000.00"], view.Select(v => Text(v.Price)));
        Assert.Null(view[0].Weight);
        var fields = db.Select(db.From<Priced>().Where(x => x.Category == "d").Select("Id", "Price"));
        Assert.Equal("1000.00", Text(Assert.Single(fields).Price));
        Assert.Equal(["-5.50", "0.00"], db.Column<decimal>(db.From<Priced>().OrderBy(x => x.Price).Take(2).Select(x => x.Price)).Select(Text));
        Assert.Equal("-5.50", Text(db.Scalar<decimal>(db.From<Priced>().Select(x => Sql.Min(x.Price)))));
        var totals = db.Select<CategoryTotal>(db.From<Priced>().GroupBy(x => x.Category).OrderBy(x => x.Category)
            .Select(x => new { x.Category, Total = Sql.Sum(x.Price), Cheapest = Sql.Min(x.Price) }));
        Assert.Equal(["a -5.50 -5.50", "b 2.50 0.00", "c 1002.51 2.50", "d 1000.00 1000.00"],
            totals.Select(t => $"{t.Category} {Text(t.Total)} {Text(t.Cheapest)}"));
        var byId = db.Dictionary<int, decimal>(db.From<Priced>().Where(x => x.Category == "d").Select(x => new { x.Id, x.Price }));
        Assert.Equal("1000.00", Text(Assert.Single(byId).Value));
    }

    [Fact]
    public void Raw_sql_sees_the_stored_form()
    {
        using var db = Open();
        Reset<Priced>(db);
        db.Insert(new Priced { Price = 12.5m });
        // SQLite stores the scaled integer (12.50 x 10^2); PostgreSQL stores numeric(10,2).
        if (IsPostgres) Assert.Equal("12.50", db.SqlScalar<string>("select price::text from priced"));
        else Assert.Equal(1250L, db.SqlScalar<long>("select price from priced where typeof(price) = 'integer'"));
        Assert.Equal("12.50", Text(db.SqlList<Priced>("select * from priced").Single().Price));
    }

    [Fact]
    public void DecimalLength_is_validated_when_the_model_is_read()
    {
        Assert.Contains("precision from 1 to 28", Assert.ThrowsAny<Exception>(() => ModelDefinition.For<BadPrecision>()).ToString());
        Assert.Contains("scale from 0 to the precision", Assert.ThrowsAny<Exception>(() => ModelDefinition.For<BadScale>()).ToString());
        Assert.Contains("applies to decimal properties", Assert.ThrowsAny<Exception>(() => ModelDefinition.For<DecimalLengthOnInt>()).ToString());
        var price = ModelDefinition.For<Priced>().GetField("Price");
        Assert.Equal((10, 2), (price.DecimalPrecision!.Value, price.DecimalScale!.Value));
    }
}

[Collection(SqliteFileCollection.SqliteFile)]
public sealed class SqliteFileDeclaredDecimalTests(SqliteFileDatabaseFixture f) : DeclaredDecimalTests(f);

[Collection(SqliteMemoryCollection.SqliteMemory)]
public sealed class SqliteMemoryDeclaredDecimalTests(SqliteMemoryDatabaseFixture f) : DeclaredDecimalTests(f);

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresDeclaredDecimalTests(PostgresDatabaseFixture f) : DeclaredDecimalTests(f);
