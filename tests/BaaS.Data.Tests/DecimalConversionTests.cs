using System.Globalization;
using BaaS.Data.Tests.Migrations;

namespace BaaS.Data.Tests;

/// <summary>
/// Columns created before their fields declared [DecimalLength] (exact text on SQLite, numeric on PostgreSQL) are
/// converted by ConvertDecimalColumnsAsync, keeping every value and every other row, index and reference.
/// </summary>
public abstract class DecimalConversionTests(TestDatabaseFixture fixture) : DataTestBase(fixture)
{
    private static string Text(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private async Task<DataConnection> LegacyTables(params decimal[] prices)
    {
        var db = await Fixture.OpenAsync();
        db.DropTableIfExists<LegacyPriceNote>();
        db.DropTableIfExists<LegacyPriceV1>();
        db.ExecuteSql("drop table if exists baas_migration");
        db.CreateTable<LegacyPriceV1>();
        db.CreateTable<LegacyPriceNote>();
        foreach (var (price, i) in prices.Select((p, i) => (p, i)))
            db.Insert(new LegacyPriceV1 { Price = price, Discount = i == 0 ? null : 0.5m * i, Name = "item " + i });
        return db;
    }

    [Fact]
    public async Task Conversion_keeps_every_value_row_index_and_reference()
    {
        await using var db = await LegacyTables(-12.5m, 0m, 3m, 1.005m, 42.42m, 7m);
        var first = db.Single<LegacyPriceV1>(x => x.Price == -12.5m)!;
        db.Insert(new LegacyPriceNote { PriceId = first.Id, Text = "keep me" });
        var last = db.Single<LegacyPriceV1>(x => x.Name == "item 5")!;
        db.DeleteById<LegacyPriceV1>(last.Id);

        Assert.Equal(["Migration0101_DeclareLegacyPrices"], await new Migrator(Fixture.Factory, [typeof(Migration0101_DeclareLegacyPrices)]).RunAsync());

        var rows = db.Select(db.From<LegacyPriceV2>().OrderBy(x => x.Id));
        Assert.Equal(["-12.50", "0.00", "3.00", "1.01", "42.42"], rows.Select(r => Text(r.Price)));
        Assert.Equal([null, "0.500", "1.000", "1.500", "2.000"], rows.Select(r => r.Discount is { } d ? Text(d) : null));
        Assert.Equal(["item 0", "item 1", "item 2", "item 3", "item 4"], rows.Select(r => r.Name));
        // The referring row survived (no ON DELETE CASCADE ran) and still refers to its price.
        Assert.Equal("keep me", db.Single<LegacyPriceNote>(x => x.PriceId == first.Id)!.Text);
        Assert.Equal(["42.42"], db.Select<LegacyPriceV2>(x => x.Price > 3m).Select(r => Text(r.Price)));
        // AUTOINCREMENT does not reuse the deleted row's id.
        var added = new LegacyPriceV2 { Price = 1m, Name = "new" };
        db.Insert(added);
        Assert.True(added.Id > last.Id);
        if (IsPostgres)
        {
            Assert.Equal(["10,2"], db.SqlList<string>(
                "select numeric_precision || ',' || numeric_scale from information_schema.columns where table_name = 'legacy_price' and column_name = 'price'"));
        }
        else
        {
            Assert.Equal(0, db.SqlScalar<int>("select count(*) from legacy_price where typeof(price) <> 'integer'"));
            Assert.Equal(1, db.SqlScalar<int>("select count(*) from sqlite_master where type = 'index' and name = 'ix_legacy_price_price'"));
            Assert.Empty(db.SqlList<long>("select 1 from pragma_foreign_key_check"));
            Assert.Equal(1, db.SqlScalar<int>("select count(*) from pragma_foreign_key_list('legacy_price_note') where \"table\" = 'legacy_price'"));
            // Foreign keys are enforced again after the migration.
            Assert.Equal(1, db.SqlScalar<int>("pragma foreign_keys"));
        }
        // Already converted: nothing to do.
        Assert.Equal(0, await db.ConvertDecimalColumnsAsync<LegacyPriceV2>());
        db.DropTableIfExists<LegacyPriceNote>();
        db.DropTableIfExists<LegacyPriceV1>();
    }

    [Fact]
    public async Task A_value_that_does_not_fit_stops_the_conversion_naming_table_column_and_row_and_changes_nothing()
    {
        await using var db = await LegacyTables(1m, 123456789.5m, 2m);
        var big = db.Single<LegacyPriceV1>(x => x.Name == "item 1")!;
        var ex = await Assert.ThrowsAsync<InvalidFieldValueException>(() => db.ConvertDecimalColumnsAsync<LegacyPriceV2>());
        Assert.Equal("Price", ex.FieldName);
        Assert.Contains("legacy_price.price", ex.Message);
        Assert.Contains("row with id " + big.Id, ex.Message);
        Assert.Contains("123456789.5", ex.Message);
        // Unchanged: still the old column, still the exact value.
        Assert.Equal(123456789.5m, db.SingleById<LegacyPriceV1>(big.Id)!.Price);
        if (IsPostgres)
            Assert.Null(db.SqlScalar<int?>("select numeric_precision from information_schema.columns where table_name = 'legacy_price' and column_name = 'price'"));
        else Assert.Equal(3, db.SqlScalar<int>("select count(*) from legacy_price where typeof(price) = 'text'"));
    }

    [Fact]
    public async Task A_referenced_table_is_rebuilt_only_by_a_migration_that_says_it_rebuilds_tables()
    {
        await using var db = await LegacyTables(1m, 2m);
        var first = db.Single<LegacyPriceV1>(x => x.Name == "item 0")!;
        db.Insert(new LegacyPriceNote { PriceId = first.Id, Text = "keep me" });
        var migrator = new Migrator(Fixture.Factory, [typeof(Migration0102_DeclareLegacyPricesUnannounced)]);
        if (IsPostgres)
        {
            // ALTER COLUMN TYPE changes the column in place: nothing is dropped, nothing to announce.
            Assert.Single(await migrator.RunAsync());
        }
        else
        {
            var ex = await Assert.ThrowsAsync<MigrationException>(() => migrator.RunAsync());
            Assert.Contains("RebuildsTables", ex.ToString());
            Assert.Contains("legacy_price_note", ex.ToString());
            Assert.Equal(2, db.SqlScalar<int>("select count(*) from legacy_price where typeof(price) = 'text'"));
        }
        Assert.Equal("keep me", db.Single<LegacyPriceNote>(x => x.PriceId == first.Id)!.Text);
        db.DropTableIfExists<LegacyPriceNote>();
        db.DropTableIfExists<LegacyPriceV1>();
    }
}

[Collection(SqliteFileCollection.SqliteFile)]
public sealed class SqliteFileDecimalConversionTests(SqliteFileDatabaseFixture f) : DecimalConversionTests(f);

[Collection(SqliteMemoryCollection.SqliteMemory)]
public sealed class SqliteMemoryDecimalConversionTests(SqliteMemoryDatabaseFixture f) : DecimalConversionTests(f);

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresDecimalConversionTests(PostgresDatabaseFixture f) : DecimalConversionTests(f);
