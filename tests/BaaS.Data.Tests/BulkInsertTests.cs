using System.Text.Json;

namespace BaaS.Data.Tests;

/// <summary>
/// BulkInsert: PostgreSQL's binary COPY, SQLite's prepared single-row INSERT. Every type lands as a plain Insert stores
/// it; all the rows or none; the open transaction is used.
/// </summary>
public abstract class BulkInsertTests(TestDatabaseFixture fixture) : DataTestBase(fixture)
{
    [Fact]
    public async Task Every_type_and_null_lands_as_a_plain_insert_stores_it()
    {
        await using var db = await Fixture.OpenAsync();
        Reset<AllTypes>(db);
        var single = TypeRoundTripTests.Sample();
        db.Insert(single);
        var nulls = new AllTypes { NText = null, NAddress = null, NBytes = null };
        db.Insert(nulls);

        Assert.Equal(3, await db.BulkInsertAsync([TypeRoundTripTests.Sample(), new AllTypes { NText = null, NAddress = null, NBytes = null }, TypeRoundTripTests.Sample()]));
        Assert.Equal(1, db.BulkInsert([new AllTypes { NText = null, NAddress = null, NBytes = null }]));
        Assert.StartsWith(db.Dialect is BaaS.Data.PostgreSQL.PostgreSqlDialect ? "COPY " : "INSERT ", db.LastSql);

        var all = (await db.SelectAsync<AllTypes>()).OrderBy(r => r.Id).ToList();
        Assert.Equal(6, all.Count);
        // Guids differ per Sample(): compare everything else, as stored and read back.
        foreach (var row in all) (row.Id, row.Guid) = (0, Guid.Empty);
        string Stored(AllTypes row) => JsonSerializer.Serialize(row);
        Assert.Equal(Stored(all[0]), Stored(all[2]));
        Assert.Equal(Stored(all[0]), Stored(all[4]));
        Assert.Equal(Stored(all[1]), Stored(all[3]));
        Assert.Equal(Stored(all[1]), Stored(all[5]));
        Assert.Null(all[5].NInt);
        Assert.Equal("Zürich", all[2].Address.City);
    }

    [Fact]
    public async Task Fills_AutoIds_and_row_versions_and_inserts_thousands()
    {
        await using var db = await Fixture.OpenAsync();
        Reset<Document>(db);
        var docs = Enumerable.Range(0, 3000).Select(i => new Document { Title = "d" + i }).ToList();
        Assert.Equal(3000, await db.BulkInsertAsync(docs));
        Assert.All(docs, d => Assert.NotEqual(Guid.Empty, d.Id));
        Assert.Equal(3000, docs.Select(d => d.Id).Distinct().Count());
        Assert.Equal(3000, await db.CountAsync<Document>());
        var stored = (await db.SingleByIdAsync<Document>(docs[2999].Id))!;
        Assert.Equal(("d2999", 1L), (stored.Title, stored.RowVersion));
        Assert.Equal(0, await db.BulkInsertAsync(Array.Empty<Document>()));
    }

    [Fact]
    public async Task A_row_that_breaks_a_constraint_inserts_none_of_them()
    {
        await using var db = await Fixture.OpenAsync();
        ResetShop(db);
        db.Insert(new Customer { Email = "taken@x", Name = "First" });
        var rows = Enumerable.Range(0, 50).Select(i => new Customer { Email = $"c{i}@x", Name = "C" })
            .Append(new Customer { Email = "taken@x", Name = "Again" }).ToList();
        await Assert.ThrowsAsync<UniqueConstraintException>(() => db.BulkInsertAsync(rows));
        Assert.Equal(1, await db.CountAsync<Customer>());
        Assert.Null(db.Transaction);
    }

    [Fact]
    public async Task Runs_in_the_open_transaction_and_goes_with_its_rollback()
    {
        await using var db = await Fixture.OpenAsync();
        Reset<TextRow>(db);
        await using (var tx = await db.OpenTransactionAsync())
        {
            Assert.Equal(10, await db.BulkInsertAsync(Enumerable.Range(0, 10).Select(i => new TextRow { Value = "v" + i })));
            Assert.Equal(10, await db.CountAsync<TextRow>());
            await tx.RollbackAsync();
        }
        Assert.Equal(0, await db.CountAsync<TextRow>());
    }

    [Fact]
    public void A_null_row_is_refused_before_anything_is_written()
    {
        using var db = Open();
        Reset<TextRow>(db);
        var error = Assert.Throws<ArgumentException>(() => db.BulkInsert(new[] { new TextRow { Value = "a" }, null! }));
        Assert.Equal("rows", error.ParamName);
        Assert.Equal(0, db.Count<TextRow>());
    }
}

[Collection(SqliteFileCollection.SqliteFile)]
public sealed class SqliteFileBulkInsertTests(SqliteFileDatabaseFixture f) : BulkInsertTests(f);

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresBulkInsertTests(PostgresDatabaseFixture f) : BulkInsertTests(f);
