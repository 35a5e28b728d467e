namespace BaaS.Data.Tests;

/// <summary>Schema, constraints, transactions, optimistic concurrency and references.</summary>
public abstract class IntegrityTests(TestDatabaseFixture fixture) : DataTestBase(fixture)
{
    [Fact]
    public async Task Schema_operations_create_inspect_and_drop_tables()
    {
        await using var db = await Fixture.OpenAsync();
        await db.DropTableIfExistsAsync<TextRow>();
        Assert.False(await db.TableExistsAsync<TextRow>());
        await db.CreateTableAsync<TextRow>();
        await db.CreateTableIfNotExistsAsync<TextRow>();
        Assert.True(db.TableExists<TextRow>());
        Assert.True(db.TableExists("text_row"));
        Assert.True(db.ColumnExists<TextRow>("Value"));
        Assert.True(await db.ColumnExistsAsync<TextRow>("value"));
        Assert.False(db.ColumnExists<TextRow>("Missing"));
        db.DropTable<TextRow>();
        Assert.False(db.TableExists<TextRow>());
        Assert.ThrowsAny<System.Data.Common.DbException>(() => db.DropTable<TextRow>());
    }

    [Fact]
    public void Unique_violation_throws_UniqueConstraintException_naming_the_field()
    {
        using var db = Open();
        ResetShop(db);
        db.Insert(new Customer { Email = "dup@x", Name = "A" });
        var ex = Assert.Throws<UniqueConstraintException>(() => db.Insert(new Customer { Email = "dup@x", Name = "B" }));
        Assert.Equal(409, ex.StatusCode);
        Assert.Equal("Unique", ex.ErrorCode);
        Assert.Equal(["Email"], ex.FieldNames);
        Assert.Equal("customer", ex.Table);
        var status = ex.ToResponseStatus();
        Assert.Equal("Unique", status.ErrorCode);
        Assert.Equal("Email", Assert.Single(status.Errors!).FieldName);
        Assert.DoesNotContain("dup@x", ex.Message);
        // a composite unique index names both fields
        db.Insert(new Order { CustomerId = 1, Number = 1, Name = "a" });
        var composite = Assert.Throws<UniqueConstraintException>(() => db.Insert(new Order { CustomerId = 1, Number = 1, Name = "b" }));
        Assert.Equal(["CustomerId", "Number"], composite.FieldNames);
    }

    [Fact]
    public void Foreign_key_violation_throws_ForeignKeyConstraintException()
    {
        using var db = Open();
        ResetShop(db);
        var ex = Assert.Throws<ForeignKeyConstraintException>(() => db.Insert(new Order { CustomerId = 4242, Name = "orphan" }));
        Assert.Equal(409, ex.StatusCode);
        Assert.Equal("ForeignKey", ex.ErrorCode);
        if (IsPostgres) Assert.Equal(["CustomerId"], ex.FieldNames); // SQLite does not say which key failed
    }

    [Fact]
    public void Not_null_and_length_violations_throw_400_exceptions_naming_the_field()
    {
        using var db = Open();
        ResetShop(db);
        var ex = Assert.Throws<NotNullConstraintException>(() => db.Insert(new Tagged { Label = null }));
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal(["Label"], ex.FieldNames);
        var tooLong = Assert.Throws<CheckConstraintException>(() => db.Insert(new Customer { Email = new string('e', 101), Name = "x" }));
        Assert.Equal(400, tooLong.StatusCode);
        Assert.Equal(["Email"], tooLong.FieldNames);
    }

    [Fact]
    public void Foreign_keys_cascade_or_set_null_on_delete()
    {
        using var db = Open();
        var (ann, _) = SeedShop(db);
        db.Insert(new CustomerProfile { CustomerId = ann.Id, Bio = "hi" });
        db.Insert(new Tagged { OwnerId = ann.Id, Label = "t" });
        db.Delete<Order>(x => x.CustomerId == ann.Id);
        db.DeleteById<Customer>(ann.Id);
        Assert.Equal(0, db.Count<CustomerProfile>());
        var tagged = Assert.Single(db.Select<Tagged>());
        Assert.Null(tagged.OwnerId);
        Assert.Equal("none", tagged.Kind);
    }

    [Fact]
    public void Missing_table_error_says_which_table_and_model()
    {
        using var db = Open();
        db.DropTableIfExists<DecimalRow>();
        var ex = Assert.Throws<DataSchemaException>(() => db.Select<DecimalRow>());
        Assert.Contains("decimal_row", ex.Message);
        Assert.Contains("DecimalRow", ex.Message);
        Assert.Contains("SELECT", ex.Sql);
    }

    [Fact]
    public async Task A_failed_transaction_rolls_back_everything_written_in_it()
    {
        await using var db = await Fixture.OpenAsync();
        ResetShop(db);
        await using (var tx = await db.OpenTransactionAsync())
        {
            await db.InsertAsync(new Customer { Email = "t1@x", Name = "T1" });
            db.ExecuteSql("update customer set name = @n", new { n = "changed" });
            await Assert.ThrowsAsync<UniqueConstraintException>(() => db.InsertAsync(new Customer { Email = "t1@x", Name = "T2" }));
            await tx.RollbackAsync();
        }
        Assert.Equal(0, db.Count<Customer>());
        using (var tx = db.OpenTransaction())
        {
            db.Insert(new Customer { Email = "kept@x", Name = "K" });
            tx.Commit();
        }
        using (db.OpenTransaction())
        {
            db.Insert(new Customer { Email = "dropped@x", Name = "D" });
            // disposed without commit: rolled back
        }
        Assert.Equal(["kept@x"], db.Select<Customer>().Select(c => c.Email));
        Assert.Null(db.Transaction);
    }

    [Fact]
    public async Task OnCommitted_runs_after_a_commit_once_and_never_after_a_rollback_or_a_dispose()
    {
        await using var db = await Fixture.OpenAsync();
        ResetShop(db);
        var seen = new List<string>();
        await using (var tx = await db.OpenTransactionAsync())
        {
            await db.InsertAsync(new Customer { Email = "c1@x", Name = "C" });
            tx.OnCommitted(() => seen.Add("committed: " + db.Count<Customer>())); // runs outside the transaction: the row is there
            await tx.CommitAsync();
            Assert.Throws<InvalidOperationException>(() => tx.OnCommitted(() => seen.Add("too late")));
        }
        using (var tx = db.OpenTransaction())
        {
            tx.OnCommitted(() => seen.Add("rolled back"));
            tx.Rollback();
        }
        using (var tx = db.OpenTransaction())
        {
            tx.OnCommitted(() => seen.Add("disposed"));
        }
        Assert.Equal(["committed: 1"], seen);
    }

    [Fact]
    public void InsertAll_is_all_or_nothing()
    {
        using var db = Open();
        ResetShop(db);
        var rows = Enumerable.Range(0, 1500).Select(i => new Customer { Email = $"c{i}@x", Name = "n" }).ToList();
        rows.Add(new Customer { Email = "c7@x", Name = "duplicate" });
        Assert.Throws<UniqueConstraintException>(() => db.InsertAll(rows));
        Assert.Equal(0, db.Count<Customer>());
    }

    [Fact]
    public void Update_with_stale_row_version_throws_concurrency_exception()
    {
        using var db = Open();
        Reset<Document>(db);
        var doc = new Document { Title = "v1" };
        db.Insert(doc);
        var mine = db.SingleById<Document>(doc.Id)!;
        var theirs = db.SingleById<Document>(doc.Id)!;
        theirs.Title = "theirs";
        db.Update(theirs);
        Assert.Equal(2, theirs.RowVersion);
        mine.Title = "mine";
        var ex = Assert.Throws<OptimisticConcurrencyException>(() => db.Update(mine));
        Assert.Equal(409, ex.StatusCode);
        Assert.Equal("Conflict", ex.ErrorCode);
        Assert.Throws<OptimisticConcurrencyException>(() => db.Save(mine));
        Assert.Throws<OptimisticConcurrencyException>(() => db.Delete(mine));
        Assert.Throws<OptimisticConcurrencyException>(() => db.UpdateOnly(mine, ["Title"]));
        Assert.Equal("theirs", db.SingleById<Document>(doc.Id)!.Title);
        var fresh = db.SingleById<Document>(doc.Id)!;
        fresh.Title = "fresh";
        db.Save(fresh);
        Assert.Equal(3, fresh.RowVersion);
        Assert.Equal(1, db.Delete(fresh));
    }

    [Fact]
    public async Task LoadSelect_fills_references_with_one_query_per_reference()
    {
        await using var db = await Fixture.OpenAsync();
        var (ann, bob) = SeedShop(db);
        var pie = db.Single<Order>(x => x.Name == "Pie")!;
        db.InsertAll(new[] { new OrderLine { OrderId = pie.Id, Product = "crust", Price = 1m }, new OrderLine { OrderId = pie.Id, Product = "apple", Price = 2m } });
        db.Insert(new CustomerProfile { CustomerId = bob.Id, Bio = "bob's" });

        var orders = await db.LoadSelectAsync<Order>(x => x.Total > 5m);
        Assert.Equal(4, orders.Count);
        Assert.All(orders, o => Assert.NotNull(o.Customer));
        Assert.Equal("Ann", orders.Single(o => o.Name == "Pie").Customer!.Name);
        Assert.Equal(["crust", "apple"], orders.Single(o => o.Name == "Pie").Lines.Select(l => l.Product));
        Assert.Empty(orders.Single(o => o.Name == "Pasta").Lines);

        var customer = db.LoadSingleById<Customer>(ann.Id)!;
        Assert.Equal(["Pie", "Pizza"], customer.Orders.Select(o => o.Name).Order());
        Assert.Null(customer.Profile);
        Assert.Equal("bob's", db.LoadSingleById<Customer>(bob.Id)!.Profile!.Bio);
        Assert.Null(db.LoadSingleById<Customer>(123456));
        Assert.Single(db.LoadSelect(db.From<Order>().Where(x => x.CustomerId == null)), o => o.Customer == null);
    }
}

[Collection(SqliteFileCollection.SqliteFile)]
public sealed class SqliteFileIntegrityTests(SqliteFileDatabaseFixture f) : IntegrityTests(f);

[Collection(SqliteMemoryCollection.SqliteMemory)]
public sealed class SqliteMemoryIntegrityTests(SqliteMemoryDatabaseFixture f) : IntegrityTests(f);

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresIntegrityTests(PostgresDatabaseFixture f) : IntegrityTests(f);
