namespace BaaS.Data.Tests;

public abstract class CrudTests(TestDatabaseFixture fixture) : DataTestBase(fixture)
{
    [Fact]
    public async Task Insert_returns_the_new_auto_increment_id_and_sets_it()
    {
        await using var db = await Fixture.OpenAsync();
        ResetShop(db);
        var c = new Customer { Email = "a@x", Name = "A" };
        var id = await db.InsertAsync(c);
        Assert.True(id > 0);
        Assert.Equal(id, c.Id);
        var c2 = new Customer { Email = "b@x", Name = "B" };
        Assert.Equal(id + 1, db.Insert(c2));
    }

    [Fact]
    public void Insert_fills_an_empty_AutoId_and_starts_the_row_version_at_one()
    {
        using var db = Open();
        Reset<Document>(db);
        var doc = new Document { Title = "t" };
        db.Insert(doc);
        Assert.NotEqual(Guid.Empty, doc.Id);
        Assert.Equal(1, doc.RowVersion);
        Assert.Equal("t", db.SingleById<Document>(doc.Id)!.Title);
        var explicitId = Guid.NewGuid();
        db.Insert(new Document { Id = explicitId, Title = "e" });
        Assert.Equal("e", db.SingleById<Document>(explicitId)!.Title);
    }

    [Fact]
    public async Task InsertAll_inserts_every_row_in_batches()
    {
        await using var db = await Fixture.OpenAsync();
        Reset<TextRow>(db);
        var rows = Enumerable.Range(0, 2345).Select(i => new TextRow { Value = "v" + i }).ToList();
        Assert.Equal(2345, await db.InsertAllAsync(rows));
        Assert.Equal(2345, await db.CountAsync<TextRow>());
        Assert.Equal("v2344", (await db.SingleAsync<TextRow>(x => x.Value == "v2344"))!.Value);
        Assert.Equal(0, db.InsertAll(Array.Empty<TextRow>()));
    }

    [Fact]
    public void Update_writes_every_column_by_primary_key()
    {
        using var db = Open();
        SeedShop(db);
        var order = db.Single<Order>(x => x.Name == "Pizza")!;
        order.Total = 13.75m;
        order.Note = "extra cheese";
        Assert.Equal(1, db.Update(order));
        var back = db.SingleById<Order>(order.Id)!;
        Assert.Equal(13.75m, back.Total);
        Assert.Equal("extra cheese", back.Note);
        Assert.Equal(0, db.Update(new Order { Id = 999_999, Name = "none" }));
    }

    [Fact]
    public void Update_with_where_sets_all_non_key_columns_of_matching_rows()
    {
        using var db = Open();
        SeedShop(db);
        var template = db.Single<Order>(x => x.Name == "Soup")!;
        template.Note = "bulk";
        Assert.Equal(1, db.Update(template, x => x.Status == OrderStatus.Draft));
        Assert.Equal("bulk", db.Single<Order>(x => x.Name == "Soup")!.Note);
    }

    [Fact]
    public async Task UpdateOnly_sets_only_the_assigned_fields_of_matching_rows()
    {
        await using var db = await Fixture.OpenAsync();
        SeedShop(db);
        var status = OrderStatus.Shipped;
        var changed = await db.UpdateOnlyAsync(() => new Order { Status = status, Note = null }, x => x.Status == OrderStatus.Placed);
        Assert.Equal(2, changed);
        Assert.Equal(3, db.Count<Order>(x => x.Status == OrderStatus.Shipped));
        var pasta = db.Single<Order>(x => x.Name == "Pasta")!;
        Assert.Null(pasta.Note);
        Assert.Equal(100m, pasta.Total);
    }

    [Fact]
    public void UpdateOnly_by_field_names_updates_the_row_with_the_objects_key()
    {
        using var db = Open();
        SeedShop(db);
        var pie = db.Single<Order>(x => x.Name == "Pie")!;
        pie.Total = 1m;
        pie.Name = "not written";
        Assert.Equal(1, db.UpdateOnly(pie, ["Total"]));
        Assert.Equal(1, db.UpdateOnly(pie, x => new { x.Quantity }));
        var back = db.SingleById<Order>(pie.Id)!;
        Assert.Equal(1m, back.Total);
        Assert.Equal("Pie", back.Name);
        Assert.Throws<UnknownFieldException>(() => db.UpdateOnly(pie, ["Totl"]));
    }

    [Fact]
    public void UpdateAdd_increments_in_the_database_exactly()
    {
        using var db = Open();
        SeedShop(db);
        Assert.Equal(1, db.UpdateAdd(() => new Order { Quantity = 2, Total = 0.1m }, x => x.Name == "Soup"));
        db.UpdateAdd(() => new Order { Total = 0.2m }, x => x.Name == "Soup");
        var soup = db.Single<Order>(x => x.Name == "Soup")!;
        Assert.Equal(7, soup.Quantity);
        Assert.Equal(0.31m, soup.Total);
    }

    [Fact]
    public void Delete_DeleteById_and_DeleteByIds_remove_the_right_rows()
    {
        using var db = Open();
        SeedShop(db);
        var ids = db.Select<Order>().OrderBy(o => o.Id).Select(o => o.Id).ToList();
        Assert.Equal(1, db.Delete<Order>(x => x.Status == OrderStatus.Cancelled));
        Assert.Equal(1, db.DeleteById<Order>(ids[0]));
        Assert.Equal(0, db.DeleteById<Order>(ids[0]));
        Assert.Equal(2, db.DeleteByIds<Order>(new[] { ids[1], ids[2], 424242 }));
        Assert.Equal(0, db.DeleteByIds<Order>(Array.Empty<int>()));
        Assert.Equal(["Soup"], db.Select<Order>().Select(o => o.Name));
        Assert.Equal(1, db.DeleteAll<Order>());
    }

    [Fact]
    public async Task Save_inserts_a_new_row_and_updates_an_existing_one()
    {
        await using var db = await Fixture.OpenAsync();
        Reset<Setting>(db);
        await db.SaveAsync(new Setting { Key = "theme", Value = "dark" });
        await db.SaveAsync(new Setting { Key = "theme", Value = "light" });
        db.Save(new Setting { Key = "lang", Value = "nl" });
        var rows = db.Select(db.From<Setting>().OrderBy(x => x.Key));
        Assert.Equal(["lang", "theme"], rows.Select(r => r.Key));
        Assert.Equal("light", rows[1].Value);
        var customer = new Customer { Email = "save@x", Name = "S" };
        ResetShop(db);
        db.Save(customer);
        Assert.True(customer.Id > 0);
        customer.Name = "Saved";
        db.Save(customer);
        Assert.Equal("Saved", db.SingleById<Customer>(customer.Id)!.Name);
    }

    [Fact]
    public void Default_values_apply_when_the_property_is_null()
    {
        using var db = Open();
        Reset<Setting>(db);
        var before = DateTime.UtcNow.AddMinutes(-1);
        db.Insert(new Setting { Key = "a", Value = "1" });
        db.Insert(new Setting { Key = "b", Value = "2", Level = 3, UpdatedAt = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        var a = db.SingleById<Setting>("a")!;
        var b = db.SingleById<Setting>("b")!;
        Assert.Equal(7, a.Level);
        Assert.True(a.UpdatedAt > before && a.UpdatedAt < DateTime.UtcNow.AddMinutes(1), $"{a.UpdatedAt:O}");
        Assert.Equal(3, b.Level);
        Assert.Equal(2000, b.UpdatedAt!.Value.Year);
        // The default written by the database compares with values written by BaaS.Data.
        Assert.Equal(["b", "a"], db.Select(db.From<Setting>().OrderBy(x => x.UpdatedAt)).Select(s => s.Key));
    }

    [Fact]
    public void Single_SingleById_Count_Exists_and_Scalar_answer_from_the_rows()
    {
        using var db = Open();
        SeedShop(db);
        Assert.Equal("Pasta", db.Single<Order>(x => x.Total == 100m)!.Name);
        Assert.Null(db.Single<Order>(x => x.Total > 1000m));
        Assert.Null(db.SingleById<Order>(987654));
        var any = db.Single<Order>(x => x.Name == "Pie")!;
        Assert.Equal("Pie", db.SingleById<Order>(any.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))!.Name);
        Assert.Equal(5, db.Count<Order>());
        Assert.Equal(2, db.Count<Order>(x => x.Status == OrderStatus.Placed));
        Assert.True(db.Exists<Order>(x => x.IsGift));
        Assert.False(db.Exists<Order>(x => x.Name == "nothing"));
        Assert.Equal(100m, db.Scalar<Order, decimal>(x => Sql.Max(x.Total)));
        Assert.Equal(12, db.Scalar<Order, int>(x => Sql.Sum(x.Quantity)));
        Assert.Equal(5L, db.Scalar<Order, long>(x => Sql.Count()));
        Assert.Equal(new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc), db.Scalar<Order, DateTime>(x => Sql.Min(x.PlacedAt)));
    }

    [Fact]
    public void Column_and_Dictionary_read_selected_columns()
    {
        using var db = Open();
        SeedShop(db);
        var names = db.Column<string>(db.From<Order>().Select(x => x.Name).OrderBy(x => x.Name));
        Assert.Equal(["Pasta", "Pie", "Pizza", "salad_bar 100%", "Soup"], names.Order(StringComparer.OrdinalIgnoreCase));
        var totals = db.Dictionary<string, decimal>(db.From<Order>().Select(x => new { x.Name, x.Total }));
        Assert.Equal(100m, totals["Pasta"]);
        Assert.Equal(0.01m, totals["Soup"]);
        var statuses = db.Column<OrderStatus>(db.From<Order>().Select(x => x.Status).Where(x => x.Total > 50m));
        Assert.Equal([OrderStatus.Placed], statuses);
    }
}

[Collection(SqliteFileCollection.SqliteFile)]
public sealed class SqliteFileCrudTests(SqliteFileDatabaseFixture f) : CrudTests(f);

[Collection(SqliteMemoryCollection.SqliteMemory)]
public sealed class SqliteMemoryCrudTests(SqliteMemoryDatabaseFixture f) : CrudTests(f);

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresCrudTests(PostgresDatabaseFixture f) : CrudTests(f);
