namespace BaaS.Data.Tests;

public abstract class LambdaTests(TestDatabaseFixture fixture) : DataTestBase(fixture)
{
    private List<string> Names(DataConnection db, System.Linq.Expressions.Expression<Func<Order, bool>> where) =>
        db.Select(where).Select(o => o.Name).Order(StringComparer.OrdinalIgnoreCase).ToList();

    [Fact]
    public void Comparisons_and_logic_combine_like_in_CSharp()
    {
        using var db = Open();
        SeedShop(db);
        int[] ids = db.Select<Order>(x => x.Name == "Pizza" || x.Name == "Pie").Select(x => x.Id).ToArray();
        Assert.Equal(["Pie", "Pizza"], Names(db, x => x.Total > 5 && x.Name.StartsWith("Pi") && ids.Contains(x.Id)));
        Assert.Equal(["Pizza"], Names(db, x => x.Total > 10 && x.Status == OrderStatus.Placed && x.Name.StartsWith("Pi") && ids.Contains(x.Id)));
        Assert.Equal(["Pasta", "Soup"], Names(db, x => x.Total >= 100 || x.Total < 0.02m));
        Assert.Equal(["Pie", "Pizza", "salad_bar 100%", "Soup"], Names(db, x => !(x.Total == 100m)));
        Assert.Equal(["Pasta"], Names(db, x => 50m < x.Total));
        Assert.Equal(["Pasta"], Names(db, x => x.Quantity > x.Number));
    }

    [Fact]
    public void Null_checks_become_IS_NULL_and_not_equal_keeps_nulls_like_CSharp()
    {
        using var db = Open();
        SeedShop(db);
        Assert.Equal(["Soup"], Names(db, x => x.CustomerId == null));
        Assert.Equal(4, db.Count<Order>(x => x.CustomerId != null));
        Assert.Equal(4, db.Count<Order>(x => x.Note != "ring twice"));
        Assert.Equal(["Soup"], Names(db, x => !x.CustomerId.HasValue));
        string? nothing = null;
        Assert.Equal(4, db.Count<Order>(x => x.Note == nothing));
        var bob = db.Single<Customer>(c => c.Name == "Bob")!;
        Assert.Equal(["Pasta", "salad_bar 100%"], Names(db, x => x.CustomerId.HasValue && x.CustomerId.Value == bob.Id));
        Assert.Equal(["Pasta"], Names(db, x => !string.IsNullOrEmpty(x.Note)));
    }

    [Fact]
    public void String_matching_is_case_insensitive_and_escapes_wildcards()
    {
        using var db = Open();
        SeedShop(db);
        Assert.Equal(["Pie", "Pizza"], Names(db, x => x.Name.StartsWith("pI")));
        Assert.Equal(["Pasta", "Pizza"], Names(db, x => x.Name.EndsWith("A")));
        Assert.Equal(["Pasta", "salad_bar 100%"], Names(db, x => x.Name.Contains("AS") || x.Name.Contains("100%")));
        // % and _ in the value are literal characters, not wildcards.
        Assert.Empty(Names(db, x => x.Name.Contains("%p")));
        Assert.Equal(["salad_bar 100%"], Names(db, x => x.Name.Contains("d_b")));
        Assert.Empty(Names(db, x => x.Name.Contains("d_x")));
        Assert.Empty(Names(db, x => x.Name.StartsWith("P_")));
        Assert.Equal(["Pie"], Names(db, x => x.Name.ToUpper() == "PIE"));
        Assert.Equal(["Pie"], Names(db, x => x.Name.ToLower() == "pie"));
    }

    [Fact]
    public void Case_insensitive_matching_covers_non_ASCII_letters()
    {
        using var db = Open();
        Reset<TextRow>(db);
        db.InsertAll(new[] { new TextRow { Value = "ÄPFEL und Birnen" }, new TextRow { Value = "ΣΟΦΙΑ" } });
        Assert.Single(db.Select<TextRow>(x => x.Value.StartsWith("äpfel")));
        Assert.Single(db.Select<TextRow>(x => x.Value.Contains("σοφ")));
        Assert.Single(db.Select<TextRow>(x => x.Value.ToLower() == "σοφια"));
    }

    [Fact]
    public void Collections_become_IN_and_an_empty_collection_matches_nothing()
    {
        using var db = Open();
        SeedShop(db);
        var names = new List<string> { "Pie", "Soup", "none" };
        Assert.Equal(["Pie", "Soup"], Names(db, x => names.Contains(x.Name)));
        Assert.Equal(["Pie", "Soup"], Names(db, x => Enumerable.Contains(names, x.Name)));
        var statuses = new HashSet<OrderStatus> { OrderStatus.Draft, OrderStatus.Cancelled };
        Assert.Equal(["salad_bar 100%", "Soup"], Names(db, x => statuses.Contains(x.Status)));
        var empty = Array.Empty<int>();
        Assert.Empty(Names(db, x => empty.Contains(x.Id)));
        Assert.Equal(5, db.Count<Order>(x => !empty.Contains(x.Id)));
        int?[] withNull = [null];
        Assert.Equal(["Soup"], Names(db, x => withNull.Contains(x.CustomerId)));
    }

    [Fact]
    public void Enums_bools_and_dates_compare_with_their_storage()
    {
        using var db = Open();
        SeedShop(db);
        var shipped = OrderStatus.Shipped;
        Assert.Equal(["Pie"], Names(db, x => x.Status == shipped));
        Assert.Equal(["Pie"], Names(db, x => x.IsGift));
        Assert.Equal(4, db.Count<Order>(x => !x.IsGift));
        Assert.Equal(4, db.Count<Order>(x => x.IsGift == false));
        var since = new DateTime(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(["Pasta", "salad_bar 100%", "Soup"], Names(db, x => x.PlacedAt >= since));
        Assert.Equal(["Pizza"], Names(db, x => x.PlacedAt < since.AddDays(-1)));
        var local = since.ToLocalTime();
        Assert.Equal(3, db.Count<Order>(x => x.PlacedAt >= local));
    }

    [Fact]
    public void Captured_variables_members_and_constant_conditions_are_evaluated_to_parameters()
    {
        using var db = Open();
        SeedShop(db);
        var filter = new { Min = 9m, Words = new[] { "Pasta" } };
        Assert.Equal(["Pasta", "Pizza", "salad_bar 100%"], Names(db, x => x.Total > filter.Min));
        Assert.Equal(["Pasta"], Names(db, x => filter.Words.Contains(x.Name)));
        var all = true;
        Assert.Equal(5, db.Count<Order>(x => all || x.Total > 1000m));
        Assert.Equal(0, db.Count<Order>(x => !all && x.Total > 0m));
        Assert.Equal(["Pasta"], Names(db, x => x.Total == decimal.Parse("100", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Unsupported_expressions_throw_NotSupportedException_naming_them()
    {
        using var db = Open();
        SeedShop(db);
        var ex = Assert.Throws<NotSupportedException>(() => db.Select<Order>(x => x.Name.Substring(1) == "ie"));
        Assert.Contains("Substring", ex.Message);
        var ignored = Assert.Throws<NotSupportedException>(() => db.Select<Order>(x => x.Computed == "x"));
        Assert.Contains("Order.Computed", ignored.Message);
    }
}

[Collection(SqliteFileCollection.SqliteFile)]
public sealed class SqliteFileLambdaTests(SqliteFileDatabaseFixture f) : LambdaTests(f);

[Collection(SqliteMemoryCollection.SqliteMemory)]
public sealed class SqliteMemoryLambdaTests(SqliteMemoryDatabaseFixture f) : LambdaTests(f);

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresLambdaTests(PostgresDatabaseFixture f) : LambdaTests(f);
