using System.Globalization;
using BaaS.Data.Sqlite;
using BaaS.DataAnnotations;

namespace BaaS.Data.Tests.Docs;

#region snippet:data-model
public enum Cuisine { Thai, Italian, Other }

[CompositeIndex(nameof(City), nameof(Name), Unique = true)]
public class Restaurant
{
    [AutoIncrement] public int Id { get; set; }
    [Index] [StringLength(100)] public string Name { get; set; } = "";
    public string City { get; set; } = "";
    public Cuisine Cuisine { get; set; }                  // stored as 'Thai', 'Italian', ...
    public decimal Rating { get; set; }                   // exact on both databases
    public string? Description { get; set; }              // nullable column
    public List<string> Tags { get; set; } = [];          // JSON (jsonb on PostgreSQL)
    [Default(Sql = DefaultSql.CurrentTimestamp)] public DateTime? CreatedAt { get; set; }
    [Reference] public List<Review> Reviews { get; set; } = [];
}

public class Review
{
    [AutoIncrement] public int Id { get; set; }
    [ForeignKey(typeof(Restaurant), OnDelete = "CASCADE")] public int RestaurantId { get; set; }
    public int Stars { get; set; }
}
#endregion

#region snippet:migrations-class
public class Migration0001_CreateRestaurants : Migration
{
    public override async Task UpAsync(CancellationToken ct)
    {
        await Db.CreateTableAsync<Restaurant>(ct);
        await Db.CreateTableAsync<Review>(ct);
    }

    public override async Task DownAsync(CancellationToken ct)
    {
        await Db.DropTableAsync<Review>(ct);
        await Db.DropTableAsync<Restaurant>(ct);
    }
}

public class Migration0002_IndexRatings : Migration
{
    public override Task UpAsync(CancellationToken ct) =>
        ExecuteSqlAsync("CREATE INDEX ix_restaurant_rating ON restaurant (rating)", ct: ct);

    public override Task DownAsync(CancellationToken ct) =>
        ExecuteSqlAsync("DROP INDEX ix_restaurant_rating", ct: ct);
}
#endregion

#region snippet:migrations-decimal
public class Migration0003_DeclareRatings : Migration
{
    // The table as it is at this step, every column of it: SQLite rebuilds the table from this class.
    [Alias("restaurant"), CompositeIndex(nameof(City), nameof(Name), Unique = true)]
    private sealed class Restaurant
    {
        [AutoIncrement] public int Id { get; set; }
        [Index] [StringLength(100)] public string Name { get; set; } = "";
        public string City { get; set; } = "";
        public Cuisine Cuisine { get; set; }
        [DecimalLength(3, 2)] public decimal Rating { get; set; }    // was: public decimal Rating
        public string? Description { get; set; }
        public List<string> Tags { get; set; } = [];
        [Default(Sql = DefaultSql.CurrentTimestamp)] public DateTime? CreatedAt { get; set; }
    }

    // Reviews refer to restaurants: on SQLite, rebuild with foreign keys off and check them all before committing.
    public override bool RebuildsTables => true;

    public override Task UpAsync(CancellationToken ct) => Db.ConvertDecimalColumnsAsync<Restaurant>(ct);
}
#endregion

/// <summary>Runs every example of docs/data.md and docs/migrations.md.</summary>
public sealed class DocsExamples : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"baas_docs_{Guid.NewGuid():N}.db");
    private readonly string _jobsPath = Path.Combine(Path.GetTempPath(), $"baas_docs_jobs_{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var p in new[] { _path, _jobsPath })
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(p + suffix)) File.Delete(p + suffix);
    }

    private DbConnectionFactory CreateFactory()
    {
        var appDb = $"Data Source={_path}";
        var jobsDb = $"Data Source={_jobsPath}";
        #region snippet:data-factory
        var dbFactory = new DbConnectionFactory(appDb, SqliteDialect.Instance);
        dbFactory.RegisterConnection("jobs", jobsDb, SqliteDialect.Instance);
        // PostgreSQL is the same with PostgreSqlDialect.Instance and an Npgsql connection string.
        #endregion
        return dbFactory;
    }

    [Fact]
    public async Task Bulk_insert_example_runs()
    {
        using var dbFactory = CreateFactory();
        var ct = CancellationToken.None;
        await using var db = await dbFactory.OpenAsync(ct);
        await db.CreateTableAsync<Restaurant>(ct);
        var lines = Enumerable.Range(1, 5000).Select(i => $"Kitchen {i},Leeds,{3 + i % 20 / 10m}").ToList();
        #region snippet:data-bulk
        // An import of thousands of rows: one transaction, all or nothing; a binary COPY on PostgreSQL.
        var imported = lines.Select(line => line.Split(','))
            .Select(f => new Restaurant { Name = f[0], City = f[1], Rating = decimal.Parse(f[2], CultureInfo.InvariantCulture) });
        int inserted = await db.BulkInsertAsync(imported, ct);
        #endregion
        Assert.Equal(5000, inserted);
        Assert.Equal(5000, await db.CountAsync<Restaurant>(x => x.City == "Leeds", ct));
        Assert.Equal(4.9m, await db.ScalarAsync<Restaurant, decimal>(x => Sql.Max(x.Rating), ct: ct));
    }

    [Fact]
    public async Task Typed_api_examples_run()
    {
        using var dbFactory = CreateFactory();
        var ct = CancellationToken.None;
        await using (var setup = await dbFactory.OpenAsync(ct))
        {
            await setup.CreateTableAsync<Restaurant>(ct);
            await setup.CreateTableAsync<Review>(ct);
        }
        #region snippet:data-crud
        await using var db = await dbFactory.OpenAsync(ct);

        var thai = new Restaurant { Name = "Thai Palace", City = "Leeds", Cuisine = Cuisine.Thai, Rating = 4.5m };
        long id = await db.InsertAsync(thai, ct);          // the new id, also set on thai.Id
        await db.InsertAllAsync([
            new Restaurant { Name = "Roma", City = "Leeds", Cuisine = Cuisine.Italian, Rating = 3.9m },
            new Restaurant { Name = "Napoli", City = "York", Cuisine = Cuisine.Italian, Rating = 4.8m },
        ], ct);

        Restaurant? found = await db.SingleByIdAsync<Restaurant>(id, ct);
        found!.Rating = 4.6m;
        await db.UpdateAsync(found, ct);                    // every column, by primary key
        await db.UpdateOnlyAsync(() => new Restaurant { Description = "Family run" }, where: x => x.Id == id, ct: ct);
        await db.UpdateAddAsync(() => new Restaurant { Rating = 0.1m }, where: x => x.City == "York", ct: ct);
        await db.SaveAsync(new Restaurant { Id = (int)id, Name = "Thai Palace", City = "Leeds", Rating = 4.7m }, ct); // upsert

        long italian = await db.CountAsync<Restaurant>(x => x.Cuisine == Cuisine.Italian, ct);
        decimal best = await db.ScalarAsync<Restaurant, decimal>(x => Sql.Max(x.Rating), ct: ct);
        await db.DeleteAsync<Restaurant>(x => x.Rating < 4m, ct);
        #endregion
        Assert.Equal(2, italian);
        Assert.Equal(4.9m, best);
        Assert.Equal(2, await db.CountAsync<Restaurant>(ct: ct));

        var ids = new[] { (int)id };
        #region snippet:data-lambda
        var leedsThai = await db.SelectAsync<Restaurant>(x =>
            x.Rating > 4 && x.Cuisine == Cuisine.Thai && x.Name.StartsWith("th") && ids.Contains(x.Id) && x.CreatedAt != null, ct);
        #endregion
        Assert.Single(leedsThai);

        #region snippet:data-builder
        var q = db.From<Restaurant>()
            .Where(x => x.City == "Leeds" || x.City == "York")
            .OrderByDescending(x => x.Rating)
            .Skip(0).Take(20);
        List<Restaurant> page = await db.SelectAsync(q, ct);
        long total = await db.CountAsync(q, ct);           // ignores Skip/Take and ORDER BY
        var (firstPage, matching) = await db.SelectWithTotalAsync(q, ct); // both at once: one round trip
        #endregion
        Assert.Equal(2, page.Count);
        Assert.Equal(2, total);
        Assert.Equal(page.Select(r => r.Id), firstPage.Select(r => r.Id));
        Assert.Equal(2, matching);

        string cuisineContains = "tha", orderBy = "-Rating,Name";
        var query = db.From<Restaurant>();
        #region snippet:data-runtime
        // Names are validated against the model, values converted to the field's type and bound as parameters.
        query.AddCondition(QueryTerm.And, "Name", SqlOperator.Contains, cuisineContains);
        query.AddCondition(QueryTerm.Or, "Rating", SqlOperator.GreaterThan, "4.5");  // string from a query string
        query.EnsureCondition("City", SqlOperator.Equal, "Leeds");                   // always applies, outside every OR
        query.OrderByFields(orderBy).Skip(0).Take(50);
        var results = await db.SelectAsync(query, ct);
        var totals = await db.AggregateAsync(query, [AggregateSpec.Parse("Count(*)"), AggregateSpec.Parse("Avg(Rating)")], ct);
        #endregion
        Assert.Single(results);
        Assert.Equal(1L, totals["Count(*)"]);

        #region snippet:data-references
        await db.InsertAsync(new Review { RestaurantId = (int)id, Stars = 5 }, ct);
        var withReviews = await db.LoadSelectAsync<Restaurant>(x => x.City == "Leeds", ct); // 2 queries in all
        #endregion
        Assert.Single(withReviews.Single(r => r.Id == id).Reviews);

        #region snippet:data-transaction
        await using (var tx = await db.OpenTransactionAsync(ct))
        {
            await db.InsertAsync(new Restaurant { Name = "Pop-up", City = "Hull" }, ct);  // joins tx
            await db.ExecuteSqlAsync("UPDATE restaurant SET rating = @r WHERE city = @c", new { r = 5m, c = "Hull" }, ct);
            await tx.CommitAsync(ct);                        // dispose without commit = rollback
        }
        #endregion

        #region snippet:data-errors
        try
        {
            await db.InsertAsync(new Restaurant { Name = "Roma", City = "Leeds" }, ct);
            await db.InsertAsync(new Restaurant { Name = "Roma", City = "Leeds" }, ct);
        }
        catch (UniqueConstraintException ex)
        {
            // ex.StatusCode == 409, ex.ErrorCode == "Unique", ex.FieldNames == ["City", "Name"]
            ResponseStatus status = ex.ToResponseStatus();
            Assert.Equal(["City", "Name"], status.Errors!.Select(e => e.FieldName));
        }
        #endregion

        #region snippet:data-raw-sql
        var rows = await db.SqlListAsync<Restaurant>("SELECT * FROM restaurant WHERE rating >= @min", new { min = 4.5m }, ct);
        int count = await db.SqlScalarAsync<int>("SELECT COUNT(*) FROM restaurant", ct: ct);
        #endregion
        Assert.NotEmpty(rows);
        Assert.True(count > 0);
    }

    [Fact]
    public void Runtime_condition_on_a_non_text_field_is_rejected()
    {
        using var dbFactory = CreateFactory();
        using var db = dbFactory.Open();
        Assert.Throws<InvalidFieldValueException>(() => db.From<Restaurant>().AddCondition(QueryTerm.And, "Cuisine", SqlOperator.Contains, "tha"));
    }

    [Fact]
    public async Task Migration_examples_run()
    {
        using var dbFactory = CreateFactory();
        var ct = CancellationToken.None;
        #region snippet:migrations-run
        Type[] migrations = [typeof(Migration0001_CreateRestaurants), typeof(Migration0002_IndexRatings)];
        var migrator = new Migrator(dbFactory, migrations);
        IReadOnlyList<string> applied = await migrator.RunAsync(ct);         // pending ones, in order
        foreach (var s in await migrator.GetStatusAsync(ct))
            Console.WriteLine($"{s.Name}: {(s.IsApplied ? $"applied {s.AppliedAt:u} in {s.DurationMs} ms" : "pending")}");
        IReadOnlyList<string> reverted = await migrator.RollbackAsync(1, ct); // the latest one
        #endregion
        Assert.Equal(["Migration0001_CreateRestaurants", "Migration0002_IndexRatings"], applied);
        Assert.Equal(["Migration0002_IndexRatings"], reverted);
        #region snippet:migrations-named
        var jobsMigrator = new Migrator(dbFactory, migrations, connectionName: "jobs");
        #endregion
        Assert.Equal(2, (await jobsMigrator.RunAsync(ct)).Count);
    }

    [Fact]
    public async Task Decimal_migration_example_converts_the_column_and_keeps_the_reviews()
    {
        using var dbFactory = CreateFactory();
        var migrator = new Migrator(dbFactory, [typeof(Migration0001_CreateRestaurants)]);
        await migrator.RunAsync();
        await using var db = await dbFactory.OpenAsync();
        var siam = new Restaurant { Name = "Siam", City = "Oslo", Rating = 4.125m };
        db.Insert(siam);
        db.Insert(new Review { RestaurantId = siam.Id, Stars = 5 });
        await new Migrator(dbFactory, [typeof(Migration0001_CreateRestaurants), typeof(Migration0003_DeclareRatings)]).RunAsync();
        Assert.Equal("integer", db.SqlScalar<string>("select typeof(rating) from restaurant"));
        Assert.Equal(413L, db.SqlScalar<long>("select rating from restaurant"));
        Assert.Equal(1, db.Count<Review>(x => x.RestaurantId == siam.Id));
    }
}
